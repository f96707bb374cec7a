package io.rapport.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.platform.rest.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Writes RFC 9457 problem+json answers from the gateway's own Vert.x handlers (outside JAX-RS). */
@ApplicationScoped
public class EdgeProblems {
    private final ObjectMapper mapper;

    public EdgeProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        send(ctx, status, slug, title, detail, null);
    }

    public void send(
            RoutingContext ctx, int status, String slug, String title, String detail, Map<String, Object> context) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Problem problem = new Problem(
                Problem.TYPE_BASE + slug, title, status, detail, ctx.request().path(), null, context);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body);
    }

    public void unauthorized(RoutingContext ctx, String detail, String error) {
        String challenge = "Bearer realm=\"rapport\"" + (error == null ? "" : ", error=\"" + error + "\"");
        ctx.response().putHeader("WWW-Authenticate", challenge);
        send(ctx, 401, "unauthorized", "Unauthorized", detail);
    }

    public void upstreamFailed(RoutingContext ctx, UpstreamFailure failure, String service) {
        if (failure.retryAfterSeconds() > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(failure.retryAfterSeconds()));
        }
        boolean timeout = failure.kind() == UpstreamFailure.Kind.TIMEOUT;
        // a write the gateway stopped waiting for may still complete in the service: a retry with the same
        // Idempotency-Key gets its answer instead of doing it twice
        String detail = timeout && ctx.request().method() == io.vertx.core.http.HttpMethod.POST
                ? failure.getMessage() + "; the request may still complete: retry with the same Idempotency-Key to get"
                        + " its answer without doing it twice"
                : failure.getMessage();
        send(
                ctx,
                failure.status(),
                timeout ? "upstream-timeout" : "upstream-unavailable",
                timeout ? "Gateway timeout" : "Service unavailable",
                detail,
                Map.of("service", service));
    }
}
