package io.rapport.platform.rest;

import io.rapport.platform.identity.CallerVerification;
import io.rapport.platform.identity.ServiceToken;
import io.rapport.platform.identity.ServiceTokenVerifier;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Fills the request's {@link Caller}. The ONE place that decides where a service learns who calls it: the
 * short-lived service token the gateway signs for every request it forwards ({@code Authorization: Bearer}),
 * verified here (signature by the gateway's key, issuer, audience = this service, expiry, maximum age), or the token a
 * trusted service signs with its own key for itself (then the caller is only that service, see
 * {@link Caller#service()}). A request
 * without a valid token is refused with 401 problem+json; {@code X-Rapport-*} identity headers are ignored whoever
 * sends them. The request id ({@code X-Request-Id}) is only a correlation id and is taken as sent.
 * In the gateway itself ({@code rapport.service-token.verify=false}) the caller stays "system".
 */
public class CallerFilter {
    public static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(CallerFilter.class);

    private final Caller caller;
    private final CallerVerification verification;

    public CallerFilter(Caller caller, CallerVerification verification) {
        this.caller = caller;
        this.verification = verification;
    }

    @ServerRequestFilter(preMatching = true, priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public jakarta.ws.rs.core.Response identify(ContainerRequestContext ctx) {
        if (!verification.enabled()) {
            return null;
        }
        String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("this service accepts only requests the gateway forwards with its service token");
        }
        try {
            ServiceToken token = verification.verify(authorization.substring(7).trim());
            caller.set(
                    token.subject(),
                    token.roles(),
                    token.partnerId(),
                    token.service(),
                    ctx.getHeaderString(REQUEST_ID));
            return null;
        } catch (ServiceTokenVerifier.Rejected e) {
            LOG.debugf("service token refused: %s", e.getMessage());
            return unauthorized("the service token is not valid: " + e.getMessage());
        }
    }

    private static jakarta.ws.rs.core.Response unauthorized(String detail) {
        jakarta.ws.rs.core.Response problem =
                Problems.response(401, "unauthorized", "Unauthorized", detail, null, null);
        return jakarta.ws.rs.core.Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rapport-services\", error=\"invalid_token\"")
                .build();
    }
}
