package io.rapport.gateway.proxy;

import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.CircuitBreaker;
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
import java.util.concurrent.TimeUnit;

/**
 * One upstream service: a pooled keep-alive HTTP client, its timeouts and its circuit breaker. The breaker
 * counts refused connections, timeouts and 502/503/504 answers as failures; any other answer (404 included)
 * is a success.
 */
public final class Upstream {
    private final String name;
    private final String serviceName;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final long timeoutMillis;
    private final long connectTimeoutMillis;

    Upstream(Vertx vertx, String name, GatewayConfig.Upstream config) {
        this.name = name;
        this.serviceName = config.serviceName().orElse(name + "-service");
        URI uri = URI.create(config.url());
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !(https || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalStateException("rapport.gateway.upstreams." + name + ".url must be an http(s) URL: " + config.url());
        }
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        this.timeoutMillis = config.timeout().toMillis();
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(uri.getHost()).setDefaultPort(port).setSsl(https)
                .setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout((int) connectTimeoutMillis)
                .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnections()).setMaxWaitQueueSize(4 * config.maxConnections()));
        this.breaker = new CircuitBreaker(config.breakerFailureThreshold(), config.breakerOpenDuration().toNanos());
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
        return new RequestOptions().setMethod(method).setURI(uri).setHeaders(headers)
                .setConnectTimeout(connectTimeoutMillis).setIdleTimeout(timeoutMillis);
    }

    /** Reserves a call, or fails with 503 at once while the circuit is open. */
    void acquire() {
        long now = System.nanoTime();
        if (!breaker.tryAcquire(now)) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(breaker.retryAfterNanos(now) + 999_999_999L));
            throw new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE,
                    serviceName + " is unavailable (circuit open after repeated failures)", seconds);
        }
    }

    void record(int status) {
        if (status == 502 || status == 503 || status == 504) {
            breaker.onFailure(System.nanoTime());
        } else {
            breaker.onSuccess();
        }
    }

    void recordFailure() {
        breaker.onFailure(System.nanoTime());
    }

    /** A buffered GET (Customer 360, API documents) under the breaker, failing with {@link UpstreamFailure}. */
    public Future<Reply> get(String uri, MultiMap headers, long timeoutMillis) {
        try {
            acquire();
        } catch (UpstreamFailure e) {
            return Future.failedFuture(e);
        }
        return client.request(options(HttpMethod.GET, uri, headers, timeoutMillis))
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> new Reply(resp.statusCode(), body)))
                .onSuccess(reply -> record(reply.status()))
                .onFailure(e -> recordFailure())
                .recover(e -> Future.failedFuture(UpstreamFailure.of(this, e)));
    }

    void close() {
        client.close();
    }

    /** A buffered answer. */
    public record Reply(int status, Buffer body) {
    }
}
