package io.rapport.gateway.proxy;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Installs the gateway's handlers on the HTTP router ahead of JAX-RS: request ids on every path, then access
 * checks, the per-caller bulkhead and the proxy on {@code /api/*}, the merged API document on {@code /q/openapi-all}, and problem+json
 * for paths and methods nothing serves.
 */
@ApplicationScoped
public class GatewayRoutes {
    /** After Quarkus' CORS and header handlers, before JAX-RS. */
    static final int ORDER = 100;

    void install(
            @Observes Router router,
            RequestIdHandler requestIds,
            AccessHandler access,
            ProxyHandler proxy,
            OpenApiAllHandler openApi,
            EdgeProblems problems,
            CallerBulkhead bulkhead) {
        router.route().order(ORDER).handler(requestIds);
        router.route("/api/*").order(ORDER + 1).handler(access);
        router.route("/api/*").order(ORDER + 2).handler(bulkhead).handler(proxy);
        router.get("/q/openapi-all").order(ORDER + 3).handler(openApi);
        router.get("/q/openapi-all.json").order(ORDER + 3).handler(openApi);
        router.get("/q/openapi-all.yaml").order(ORDER + 3).handler(openApi);
        router.errorHandler(
                404, ctx -> problems.send(ctx, 404, "not-found", "Not found", "nothing is served at this path"));
        router.errorHandler(
                405,
                ctx -> problems.send(
                        ctx, 405, "method-not-allowed", "Method not allowed", "this method is not allowed here"));
        router.errorHandler(
                500,
                ctx -> problems.send(
                        ctx,
                        500,
                        "internal",
                        "Internal error",
                        "the request could not be completed; it has been logged"));
    }
}
