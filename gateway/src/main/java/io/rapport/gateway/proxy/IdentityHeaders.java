package io.rapport.gateway.proxy;

import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.ProxyHeaders;
import io.vertx.core.MultiMap;
import java.util.TreeSet;

/**
 * The identity the services trust: {@code X-Rapport-Principal} and {@code X-Rapport-Roles} (sorted, comma
 * separated) for users, {@code X-Rapport-Partner-Id} for partner systems. Any copies a client sent are removed
 * first, so a service only ever sees what the gateway authenticated.
 */
public final class IdentityHeaders {
    private IdentityHeaders() {
    }

    public static void set(MultiMap headers, Caller caller) {
        headers.remove(ProxyHeaders.PRINCIPAL);
        headers.remove(ProxyHeaders.ROLES);
        headers.remove(ProxyHeaders.PARTNER_ID);
        if (caller == null) {
            return;
        }
        if (caller.isPartner()) {
            headers.set(ProxyHeaders.PARTNER_ID, caller.id());
        } else {
            headers.set(ProxyHeaders.PRINCIPAL, caller.id());
            headers.set(ProxyHeaders.ROLES, String.join(",", new TreeSet<>(caller.roles())));
        }
    }
}
