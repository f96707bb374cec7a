package io.rapport.loyalty.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook request: POST of the CloudEvent in structured mode ({@code application/cloudevents+json}) with the
 * Standard Webhooks headers, to the address {@link TargetGuard} checked (the Host header and TLS server name stay the
 * URL's host). Redirects are never followed (a 3xx is a failed attempt); the attempt ends after the configured timeout.
 * Only the status code is read of the answer.
 */
@ApplicationScoped
public class WebhookSender {
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    private final HttpClient client;
    private final long timeoutMillis;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.timeoutMillis = config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true)
                .setConnectTimeout((int) timeoutMillis)
                .setMaxRedirects(0));
    }

    /** The answer of one attempt: a status code, or none and an error; the latency in milliseconds. */
    public record Outcome(Integer status, long latencyMs, String error) {
        public boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public Outcome send(TargetGuard.Target target, String webhookId, long timestamp, String signature, String body) {
        String path =
                target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty()
                        ? "/"
                        : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        boolean defaultPort = target.port() == (target.ssl() ? 443 : 80);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setURI(path)
                .setFollowRedirects(false)
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .putHeader("Host", defaultPort ? target.host() : target.host() + ":" + target.port())
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("User-Agent", "Rapport-Webhooks/1")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        long start = System.nanoTime();
        try {
            int status = client.request(options)
                    .compose(req -> req.send(Buffer.buffer(body)).map(resp -> {
                        int code = resp.statusCode();
                        req.connection().close();
                        return code;
                    }))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
            return new Outcome(
                    status, millisSince(start), status >= 300 && status < 400 ? "redirect not followed" : null);
        } catch (TimeoutException e) {
            return new Outcome(null, millisSince(start), "timeout after " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(start), "interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, millisSince(start), describe(cause));
        }
    }

    static String describe(Throwable t) {
        String name = t.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timeout after an idle or connect limit";
        }
        if (name.contains("Connect") || String.valueOf(t.getMessage()).contains("Connection refused")) {
            return "connection refused or unreachable";
        }
        if (name.contains("SSL") || name.contains("Ssl")) {
            return "TLS handshake failed";
        }
        return "request failed (" + name + ")";
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
