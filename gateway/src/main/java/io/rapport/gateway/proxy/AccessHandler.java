package io.rapport.gateway.proxy;

import io.rapport.gateway.domain.AccessPolicy;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.PathRules;
import io.rapport.gateway.domain.ProxyHeaders;
import io.rapport.gateway.domain.Route;
import io.rapport.gateway.domain.RouteTable;
import io.rapport.gateway.security.AuthResult;
import io.rapport.gateway.security.Authenticator;
import io.rapport.gateway.security.PartnerKeyVerifier;
import io.rapport.gateway.security.RateLimiter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The checks every {@code /api/**} request passes, in order: a known method and an unambiguous path (400/405),
 * a known route (404), credentials (401), the role matrix (403), the caller's rate limit (429 with
 * Retry-After) and the declared body size (413). On success the caller and route are left on the context.
 */
@ApplicationScoped
public class AccessHandler implements Handler<RoutingContext> {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final EdgeProblems problems;
    private final BodyLimits bodyLimits;
    private final PartnerKeyVerifier partnerKeys;

    public AccessHandler(
            Authenticator authenticator,
            RateLimiter rateLimiter,
            EdgeProblems problems,
            BodyLimits bodyLimits,
            PartnerKeyVerifier partnerKeys) {
        this.partnerKeys = partnerKeys;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.problems = problems;
        this.bodyLimits = bodyLimits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        if (!METHODS.contains(method)) {
            ctx.response().putHeader("Allow", String.join(", ", METHODS));
            problems.send(
                    ctx, 405, "method-not-allowed", "Method not allowed", method + " is not accepted by the gateway");
            return;
        }
        if (PathRules.ambiguous(ctx.request().path())) {
            problems.send(
                    ctx,
                    400,
                    "ambiguous-path",
                    "Invalid request",
                    "the path may not contain encoded slashes, dots or backslashes, nor empty segments");
            return;
        }
        String path = ctx.normalizedPath();
        Optional<Route> route = RouteTable.resolve(path);
        if (route.isEmpty()) {
            problems.send(ctx, 404, "not-found", "Not found", "no API at " + path);
            return;
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String apiKey = ctx.request().getHeader(ProxyHeaders.API_KEY);
        AuthResult auth = authenticator.authenticate(authorization, apiKey);
        if (auth instanceof AuthResult.Rejected rejected) {
            if ((authorization == null || authorization.isBlank())
                    && apiKey != null
                    && PartnerKeyVerifier.issued(apiKey.trim())) {
                verifyIssuedKey(ctx, apiKey.trim(), method, path, route.get(), rejected);
                return;
            }
            problems.unauthorized(ctx, rejected.detail(), rejected.error());
            return;
        }
        authorized(ctx, method, path, route.get(), ((AuthResult.Authenticated) auth).caller());
    }

    /**
     * A key not in the configuration but shaped like one loyalty issued: asked of loyalty (cached briefly, see
     * {@link PartnerKeyVerifier}) with the request paused, so no body byte is lost meanwhile.
     */
    private void verifyIssuedKey(
            RoutingContext ctx, String apiKey, String method, String path, Route route, AuthResult.Rejected rejected) {
        ctx.request().pause();
        ctx.addEndHandler(v -> ctx.request().resume());
        partnerKeys.verify(apiKey).onComplete(ar -> {
            if (ctx.response().ended() || ctx.response().closed()) {
                return;
            }
            if (ar.failed()) {
                ctx.request().resume();
                problems.send(
                        ctx,
                        503,
                        "unavailable",
                        "Service unavailable",
                        "partner keys cannot be verified right now; retry shortly");
            } else if (ar.result().isEmpty()) {
                ctx.request().resume();
                problems.unauthorized(ctx, rejected.detail(), rejected.error());
            } else {
                authorized(ctx, method, path, route, ar.result().get());
            }
        });
    }

    private void authorized(RoutingContext ctx, String method, String path, Route routeFound, Caller caller) {
        Optional<Route> route = Optional.of(routeFound);
        if (!AccessPolicy.allows(route.get().group(), method, path, caller)) {
            problems.send(ctx, 403, "forbidden", "Forbidden", forbiddenDetail(caller, method, path));
            return;
        }
        long waitNanos = rateLimiter.tryTake(caller);
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            problems.send(
                    ctx,
                    429,
                    "rate-limited",
                    "Too many requests",
                    "the request rate of " + caller.rateLimitKey() + " is over its limit; retry in " + seconds + " s");
            return;
        }
        if (tooLarge(ctx, path)) {
            return;
        }
        ctx.put(GatewayKeys.CALLER, caller);
        ctx.put(GatewayKeys.ROUTE, route.get());
        ctx.next();
    }

    private boolean tooLarge(RoutingContext ctx, String path) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            problems.send(ctx, 400, "validation", "Invalid request", "Content-Length is not a number");
            return true;
        }
        long limit = bodyLimits.limit(path);
        if (bytes > limit) {
            ctx.response().putHeader("Connection", "close");
            problems.send(
                    ctx,
                    413,
                    "payload-too-large",
                    "Payload too large",
                    "the body has " + bytes + " bytes; at most " + limit + " are accepted here");
            return true;
        }
        return false;
    }

    private static String forbiddenDetail(Caller caller, String method, String path) {
        if (caller.isPartner()) {
            return "partner " + caller.id() + " with scopes " + caller.scopes() + " may not " + method + " " + path;
        }
        return caller.id() + " with roles " + caller.roles() + " may not " + method + " " + path;
    }
}
