package io.rapport.gateway.proxy;

import io.rapport.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * One upstream service: a pooled keep-alive HTTP client, its timeouts and its circuit breakers (the upstream's own and
 * one per caller, see {@link UpstreamBreakers}), so that one heavy caller cannot open the circuit for everyone.
 * The timeout stays the HTTP client's idle timeout rather than a Fault Tolerance timeout: it bounds silence, not the
 * whole exchange, so a large streamed import or export is not cut off while bytes still flow.
 */
public final class Upstream {
    /** The key the gateway's own calls (merged API document) are counted under. */
    public static final String GATEWAY_CALLER = "gateway";
    /** Callers whose breaker is kept per upstream; the longest idle one is forgotten beyond. */
    static final int MAX_TRACKED_CALLERS = 4_096;

    private final String name;
    private final String serviceName;
    private final HttpClient client;
    private final UpstreamBreakers breakers;
    private final long timeoutMillis;
    private final long connectTimeoutMillis;

    Upstream(Vertx vertx, String name, GatewayConfig.Upstream config) {
        this.name = name;
        this.serviceName = config.serviceName().orElse(name + "-service");
        URI uri = URI.create(config.url());
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !(https || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalStateException(
                    "rapport.gateway.upstreams." + name + ".url must be an http(s) URL: " + config.url());
        }
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        this.timeoutMillis = config.timeout().toMillis();
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost(uri.getHost())
                        .setDefaultPort(port)
                        .setSsl(https)
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout((int) connectTimeoutMillis)
                        .setDecompressionSupported(false),
                new PoolOptions()
                        .setHttp1MaxSize(config.maxConnections())
                        .setMaxWaitQueueSize(4 * config.maxConnections()));
        this.breakers = new UpstreamBreakers(
                serviceName, config.breakerFailureThreshold(), config.breakerOpenDuration(), MAX_TRACKED_CALLERS);
    }

    public String name() {
        return name;
    }

    public String serviceName() {
        return serviceName;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    HttpClient client() {
        return client;
    }

    RequestOptions options(HttpMethod method, String uri, MultiMap headers, long timeoutMillis) {
        return new RequestOptions()
                .setMethod(method)
                .setURI(uri)
                .setHeaders(headers)
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(timeoutMillis);
    }

    /**
     * Runs {@code send} for {@code caller} under the breakers: fails with {@link UpstreamFailure} at once while the
     * upstream's or the caller's circuit is open; a 502/503/504 {@code status} counts as the caller's failure.
     */
    <T> CompletionStage<T> call(String caller, Supplier<CompletionStage<T>> send, ToIntFunction<T> status) {
        return breakers.call(caller, send, status);
    }

    /** A buffered GET (merged API documents) under the breakers, counted as the gateway's own call. */
    public Future<Reply> get(String uri, MultiMap headers, long timeoutMillis) {
        return get(GATEWAY_CALLER, uri, headers, timeoutMillis);
    }

    /** A buffered GET on behalf of {@code caller} under the breakers, failing with {@link UpstreamFailure}. */
    public Future<Reply> get(String caller, String uri, MultiMap headers, long timeoutMillis) {
        return send(caller, HttpMethod.GET, uri, headers, null, timeoutMillis);
    }

    /**
     * A buffered request on behalf of {@code caller} (the console's actions send a body: complete or reschedule a
     * contact) under the same breakers, pool and timeouts as a GET, failing with {@link UpstreamFailure}.
     */
    public Future<Reply> send(
            String caller, HttpMethod method, String uri, MultiMap headers, Buffer body, long timeoutMillis) {
        Supplier<CompletionStage<Reply>> send = () -> client.request(options(method, uri, headers, timeoutMillis))
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b)))
                .toCompletionStage();
        io.vertx.core.Context context = Vertx.currentContext();
        CompletionStage<Reply> reply = call(caller, send, Reply::status);
        return (context == null ? Future.fromCompletionStage(reply) : Future.fromCompletionStage(reply, context))
                .recover(e -> Future.failedFuture(UpstreamFailure.of(this, UpstreamBreakers.unwrap(e))));
    }

    void close() {
        client.close();
    }

    /** A buffered answer. */
    public record Reply(int status, Buffer body) {}
}
