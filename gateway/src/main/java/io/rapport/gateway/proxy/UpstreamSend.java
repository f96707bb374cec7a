package io.rapport.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * A buffered request with a body (the console's actions: complete or reschedule a contact) on behalf of a caller,
 * under the same breakers, pool and timeouts as {@link Upstream#get(String, String, MultiMap, long)}.
 */
public final class UpstreamSend {
    private UpstreamSend() {}

    public static Future<Upstream.Reply> send(
            Upstream upstream,
            String caller,
            HttpMethod method,
            String uri,
            MultiMap headers,
            Buffer body,
            long timeoutMillis) {
        java.util.function.Supplier<java.util.concurrent.CompletionStage<Upstream.Reply>> send = () -> upstream.client()
                .request(upstream.options(method, uri, headers, timeoutMillis))
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(resp -> resp.body().map(b -> new Upstream.Reply(resp.statusCode(), b)))
                .toCompletionStage();
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        java.util.concurrent.CompletionStage<Upstream.Reply> reply =
                upstream.call(caller, send, Upstream.Reply::status);
        return (context == null ? Future.fromCompletionStage(reply) : Future.fromCompletionStage(reply, context))
                .recover(e -> Future.failedFuture(UpstreamFailure.of(upstream, UpstreamBreakers.unwrap(e))));
    }
}
