package io.rapport.gateway.proxy;

import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.ProxyHeaders;
import io.rapport.gateway.domain.Route;
import io.rapport.gateway.security.ServiceTokenIssuer;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Forwards an authorised {@code /api/**} request to its upstream and streams both bodies without buffering
 * them (backpressure both ways). Hop-by-hop headers and client-sent identity headers are dropped; the
 * gateway's service token for that upstream, request id, trace context and X-Forwarded-* are set. A streamed body over the
 * limit is cut off with 413. Paths the gateway answers itself (Customer 360) go on to JAX-RS.
 */
@ApplicationScoped
public class ProxyHandler implements Handler<RoutingContext> {
    /** Served by the gateway itself ({@code Customer360Resource}, {@code CustomerAuditResource}). */
    static final Pattern OWN_PATHS = Pattern.compile("/api/v1/customers/[^/]+/(360|audit)");

    private final Upstreams upstreams;
    private final EdgeProblems problems;
    private final BodyLimits bodyLimits;
    private final ServiceTokenIssuer tokens;

    public ProxyHandler(Upstreams upstreams, EdgeProblems problems, BodyLimits bodyLimits, ServiceTokenIssuer tokens) {
        this.upstreams = upstreams;
        this.problems = problems;
        this.bodyLimits = bodyLimits;
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (OWN_PATHS.matcher(path).matches()) {
            ctx.next();
            return;
        }
        Route route = ctx.get(GatewayKeys.ROUTE);
        Upstream upstream = upstreams.get(route.upstream());
        String caller = ((Caller) ctx.get(GatewayKeys.CALLER)).rateLimitKey();
        HttpServerRequest request = ctx.request();
        request.pause();
        String uri = request.query() == null ? path : path + "?" + request.query();
        MultiMap headers = upstreamHeaders(ctx, ctx.get(GatewayKeys.CALLER), upstream.serviceName());
        upstream.call(
                        caller,
                        () -> send(ctx, upstream, uri, headers, bodyLimits.limit(path)),
                        HttpClientResponse::statusCode)
                .whenComplete((answer, e) -> {
                    if (e == null) {
                        relay(ctx, answer);
                        return;
                    }
                    Throwable cause = UpstreamBreakers.unwrap(e);
                    if (cause instanceof UpstreamBreakers.Abandoned) {
                        return; // the client hung up or was already answered (413)
                    }
                    request.resume();
                    if (!ctx.response().ended() && !ctx.response().closed()) {
                        problems.upstreamFailed(ctx, UpstreamFailure.of(upstream, cause), upstream.serviceName());
                    }
                });
    }

    /**
     * Sends the request and streams its body; completes with the upstream's answer (paused until relayed), or fails with
     * {@link UpstreamBreakers.Abandoned} when the gateway gave up on it (client gone, body too large).
     */
    private CompletionStage<HttpClientResponse> send(
            RoutingContext ctx, Upstream upstream, String uri, MultiMap headers, long limit) {
        Promise<HttpClientResponse> answer = Promise.promise();
        HttpServerRequest request = ctx.request();
        upstream.client()
                .request(upstream.options(request.method(), uri, headers, upstream.timeoutMillis()))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        answer.fail(ar.cause());
                        return;
                    }
                    HttpClientRequest out = ar.result();
                    ctx.response().closeHandler(v -> out.reset());
                    out.response().onComplete(rar -> {
                        if (ctx.response().ended() || ctx.response().closed()) {
                            if (rar.succeeded()) {
                                rar.result().request().reset();
                            }
                            answer.fail(new UpstreamBreakers.Abandoned());
                        } else if (rar.succeeded()) {
                            rar.result().pause();
                            answer.complete(rar.result());
                        } else {
                            answer.fail(rar.cause());
                        }
                    });
                    streamBody(ctx, out, limit);
                });
        return answer.future().toCompletionStage();
    }

    private MultiMap upstreamHeaders(RoutingContext ctx, Caller caller, String serviceName) {
        HttpServerRequest request = ctx.request();
        Set<String> connection = ProxyHeaders.connectionTokens(request.getHeader(HttpHeaders.CONNECTION));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> h : request.headers()) {
            if (ProxyHeaders.forwardRequestHeader(h.getKey(), connection)) {
                headers.add(h.getKey(), h.getValue());
            }
        }
        headers.set(ProxyHeaders.REQUEST_ID, (String) ctx.get(GatewayKeys.REQUEST_ID));
        headers.set(ProxyHeaders.TRACEPARENT, (String) ctx.get(GatewayKeys.TRACEPARENT));
        IdentityHeaders.set(headers, caller, tokens, serviceName);
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String client = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        return headers;
    }

    private void streamBody(RoutingContext ctx, HttpClientRequest out, long limit) {
        HttpServerRequest in = ctx.request();
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked =
                length == null && in.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
        if (!chunked && (length == null || length.trim().equals("0"))) {
            out.end();
            in.resume();
            return;
        }
        out.setChunked(chunked);
        long[] received = {0};
        in.handler(buffer -> {
            received[0] += buffer.length();
            if (received[0] > limit) {
                in.handler(null);
                out.reset();
                ctx.response().putHeader("Connection", "close");
                problems.send(
                        ctx,
                        413,
                        "payload-too-large",
                        "Payload too large",
                        "the body has more than " + limit + " bytes; at most " + limit + " are accepted here");
                return;
            }
            out.write(buffer);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(v -> in.resume());
            }
        });
        in.endHandler(v -> {
            if (received[0] <= limit) {
                out.end();
            }
        });
        in.exceptionHandler(e -> out.reset());
        in.resume();
    }

    private void relay(RoutingContext ctx, HttpClientResponse in) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            in.request().reset();
            return;
        }
        response.setStatusCode(in.statusCode());
        Set<String> connection = ProxyHeaders.connectionTokens(in.getHeader(HttpHeaders.CONNECTION));
        Set<String> copied = new HashSet<>();
        for (Map.Entry<String, String> h : in.headers()) {
            if (ProxyHeaders.forwardResponseHeader(h.getKey(), connection)) {
                // the first copy replaces a header the gateway preset (security headers), later ones add (Set-Cookie)
                if (copied.add(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    response.headers().set(h.getKey(), h.getValue());
                } else {
                    response.headers().add(h.getKey(), h.getValue());
                }
            }
        }
        String location = in.getHeader(HttpHeaders.LOCATION);
        if (location != null && ctx.request().authority() != null) {
            // a service names its own host and port: clients must come back through the gateway
            String scheme =
                    ctx.request().scheme() == null ? "http" : ctx.request().scheme();
            response.headers()
                    .set(
                            HttpHeaders.LOCATION,
                            ProxyHeaders.publicLocation(
                                    location, scheme + "://" + ctx.request().authority()));
        }
        boolean bodyless =
                ctx.request().method() == HttpMethod.HEAD || in.statusCode() == 204 || in.statusCode() == 304;
        if (!bodyless && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        in.pipeTo(response);
    }
}
