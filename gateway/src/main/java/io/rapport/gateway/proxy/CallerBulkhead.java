package io.rapport.gateway.proxy;

import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.InFlightLimit;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-caller bulkhead on {@code /api/**}, after the access checks: a principal with
 * {@code rapport.gateway.bulkhead.max-in-flight-per-caller} requests still in flight gets 429 problem+json with
 * Retry-After; its slot is freed when the response ends or the connection closes.
 */
@ApplicationScoped
public class CallerBulkhead implements Handler<RoutingContext> {
    static final String RETRY_AFTER_SECONDS = "1";

    private final InFlightLimit limit;
    private final EdgeProblems problems;

    public CallerBulkhead(GatewayConfig config, EdgeProblems problems) {
        this.limit = new InFlightLimit(config.bulkhead().maxInFlightPerCaller());
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(GatewayKeys.CALLER);
        String key = caller.rateLimitKey();
        if (!limit.tryAcquire(key)) {
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
            problems.send(
                    ctx,
                    429,
                    "too-many-in-flight",
                    "Too many requests",
                    key + " already has " + limit.maxPerCaller()
                            + " requests in flight; wait for their answers before sending more");
            return;
        }
        ctx.addEndHandler(done -> limit.release(key));
        ctx.next();
    }
}
