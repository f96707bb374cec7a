package io.rapport.gateway.proxy;

import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.CallerCircuitBreakers;
import io.rapport.gateway.domain.CircuitBreaker;
import io.vertx.core.http.ConnectionPoolTooBusyException;
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
import java.util.concurrent.TimeoutException;

/**
 * One upstream service: a pooled keep-alive HTTP client, its timeouts and two kinds of circuit breaker, so that
 * one heavy caller cannot open the circuit for everyone:
 * <ul>
 * <li>the upstream's own breaker counts only failures no caller can cause: refused or dropped connections
 * (any answer proves the upstream reachable and closes it);</li>
 * <li>each caller's breaker counts that caller's timeouts and 502/503/504 answers (a service answers 503 when a
 * request's statement ran past its statement timeout), so a caller whose own requests keep failing is refused
 * at once while others are served.</li>
 * </ul>
 * Any other answer (4xx included) is a success. Overload inside the gateway (its connection pool's wait queue
 * full) counts for neither.
 */
public final class Upstream {
    /** The key the gateway's own calls (merged API document) are counted under. */
    public static final String GATEWAY_CALLER = "gateway";
    /** Callers with recent failures tracked per upstream before closed ones are dropped. */
    static final int MAX_TRACKED_CALLERS = 10_000;

    private final String name;
    private final String serviceName;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final CallerCircuitBreakers callerBreakers;
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
        this.callerBreakers = new CallerCircuitBreakers(config.breakerFailureThreshold(), config.breakerOpenDuration().toNanos(),
                MAX_TRACKED_CALLERS);
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

    /** Reserves a call for {@code caller}, or fails with 503 at once while the upstream's or the caller's circuit is open. */
    void acquire(String caller) {
        long now = System.nanoTime();
        if (!breaker.tryAcquire(now)) {
            throw new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE,
                    serviceName + " is unavailable (circuit open after repeated failures)", seconds(breaker.retryAfterNanos(now)));
        }
        if (!callerBreakers.tryAcquire(caller, now)) {
            throw new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, serviceName + " is not called for you for now (circuit"
                    + " open after repeated failures of your requests: narrow them or retry later)",
                    seconds(callerBreakers.retryAfterNanos(caller, now)));
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    /** The upstream answered {@code caller}'s request with {@code status}. */
    void record(String caller, int status) {
        breaker.onSuccess();
        if (status == 502 || status == 503 || status == 504) {
            callerBreakers.onFailure(caller, System.nanoTime());
        } else {
            callerBreakers.onSuccess(caller);
        }
    }

    /** {@code caller}'s request got no answer: a timeout is that caller's failure, a lost connection the upstream's. */
    void recordFailure(String caller, Throwable cause) {
        if (cause instanceof ConnectionPoolTooBusyException) {
            return;
        }
        if (cause instanceof TimeoutException) {
            callerBreakers.onFailure(caller, System.nanoTime());
        } else {
            breaker.onFailure(System.nanoTime());
        }
    }

    /** A buffered GET (merged API documents) under the breakers, counted as the gateway's own call. */
    public Future<Reply> get(String uri, MultiMap headers, long timeoutMillis) {
        return get(GATEWAY_CALLER, uri, headers, timeoutMillis);
    }

    /** A buffered GET on behalf of {@code caller} under the breakers, failing with {@link UpstreamFailure}. */
    public Future<Reply> get(String caller, String uri, MultiMap headers, long timeoutMillis) {
        try {
            acquire(caller);
        } catch (UpstreamFailure e) {
            return Future.failedFuture(e);
        }
        return client.request(options(HttpMethod.GET, uri, headers, timeoutMillis))
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> new Reply(resp.statusCode(), body)))
                .onSuccess(reply -> record(caller, reply.status()))
                .onFailure(e -> recordFailure(caller, e))
                .recover(e -> Future.failedFuture(UpstreamFailure.of(this, e)));
    }

    void close() {
        client.close();
    }

    /** A buffered answer. */
    public record Reply(int status, Buffer body) {
    }
}
