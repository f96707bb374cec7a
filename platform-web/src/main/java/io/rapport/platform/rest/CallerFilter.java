package io.rapport.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Fills the request's {@link Caller}. The ONE place that decides where a service learns who calls it: today the
 * identity headers the gateway sets ({@code X-Rapport-Principal}, {@code X-Rapport-Roles},
 * {@code X-Rapport-Partner-Id}) and the request id ({@code X-Request-Id}).
 */
public class CallerFilter {
    public static final String PRINCIPAL = "X-Rapport-Principal";
    public static final String ROLES = "X-Rapport-Roles";
    public static final String PARTNER_ID = "X-Rapport-Partner-Id";
    public static final String REQUEST_ID = "X-Request-Id";

    private final Caller caller;

    public CallerFilter(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter(preMatching = true)
    public void identify(ContainerRequestContext ctx) {
        String roles = ctx.getHeaderString(ROLES);
        Set<String> roleSet = roles == null ? Set.of()
                : Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        caller.set(ctx.getHeaderString(PRINCIPAL), roleSet, ctx.getHeaderString(PARTNER_ID), ctx.getHeaderString(REQUEST_ID));
    }
}
