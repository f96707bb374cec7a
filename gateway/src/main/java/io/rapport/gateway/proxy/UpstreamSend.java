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
        try {
            upstream.acquire(caller);
        } catch (UpstreamFailure e) {
            return Future.failedFuture(e);
        }
        return upstream.client()
                .request(upstream.options(method, uri, headers, timeoutMillis))
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(resp -> resp.body().map(b -> new Upstream.Reply(resp.statusCode(), b)))
                .onSuccess(reply -> upstream.record(caller, reply.status()))
                .onFailure(e -> upstream.recordFailure(caller, e))
                .recover(e -> Future.failedFuture(UpstreamFailure.of(upstream, e)));
    }
}
