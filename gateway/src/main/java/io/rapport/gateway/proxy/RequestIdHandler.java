package io.rapport.gateway.proxy;

import io.rapport.gateway.domain.ProxyHeaders;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an {@code X-Request-Id} (the client's when it is plain and short, else a new UUID) and a
 * W3C {@code traceparent} (the client's when valid, else a new one), and returns the request id on the answer.
 */
@ApplicationScoped
public class RequestIdHandler implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String given = ctx.request().getHeader(ProxyHeaders.REQUEST_ID);
        String id = ProxyHeaders.acceptableRequestId(given)
                ? given
                : UUID.randomUUID().toString();
        String traceparent = ctx.request().getHeader(ProxyHeaders.TRACEPARENT);
        if (!ProxyHeaders.validTraceparent(traceparent)) {
            traceparent = ProxyHeaders.newTraceparent(ThreadLocalRandom.current());
        }
        ctx.put(GatewayKeys.REQUEST_ID, id);
        ctx.put(GatewayKeys.TRACEPARENT, traceparent);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(ProxyHeaders.REQUEST_ID, id));
        ctx.next();
    }
}
