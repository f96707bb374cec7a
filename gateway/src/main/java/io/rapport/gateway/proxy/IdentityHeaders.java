package io.rapport.gateway.proxy;

import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.ProxyHeaders;
import io.rapport.gateway.security.ServiceTokenIssuer;
import io.vertx.core.MultiMap;

/**
 * The identity a service receives: {@code Authorization: Bearer <service token>} signed by the gateway for that
 * one service (see {@link ServiceTokenIssuer}). Any {@code X-Rapport-*} identity headers or credentials a client
 * sent are removed first; services ignore such headers anyway and verify the token themselves.
 */
public final class IdentityHeaders {
    private IdentityHeaders() {}

    public static void set(MultiMap headers, Caller caller, ServiceTokenIssuer issuer, String serviceName) {
        headers.remove(ProxyHeaders.PRINCIPAL);
        headers.remove(ProxyHeaders.ROLES);
        headers.remove(ProxyHeaders.PARTNER_ID);
        headers.remove("Authorization");
        if (caller == null) {
            return;
        }
        headers.set("Authorization", "Bearer " + issuer.tokenFor(caller, serviceName));
    }
}
