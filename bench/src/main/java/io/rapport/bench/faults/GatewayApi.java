package io.rapport.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP to the gateway with a bearer token. Never throws for a status or a network failure: a call that got no
 * answer (refused, reset, timed out) comes back as status 0, so the caller decides whether to retry.
 */
public final class GatewayApi {
    /** An answer: {@code status} 0 when none came. */
    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** Worth repeating: no answer, a gateway or service failure, or throttling. */
        public boolean transientFailure() {
            return status == 0 || status >= 500 || status == 429 || status == 408;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final String base;
    private final String authorization;
    private final Duration timeout;

    public GatewayApi(String base, String token, Duration timeout) {
        this.base = base.replaceAll("/+$", "");
        this.authorization = "Bearer " + token;
        this.timeout = timeout;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Reply send(String method, String path, Object body) {
        return send(method, path, body, null);
    }

    /** Sends once; with an {@code idempotencyKey} the service answers a repeat with the first result. */
    public Reply send(String method, String path, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .header("Authorization", authorization)
                    .header("Accept", "application/json");
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            return new Reply(0, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, MissingNode.getInstance());
        }
    }

    /**
     * Sends until an answer that is not a transient failure comes, pausing between tries (up to {@code patience}); the
     * request must be safe to repeat (an order id, an Idempotency-Key, a PUT).
     */
    public Reply sendRepeatable(String method, String path, Object body, String idempotencyKey, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 200;
        Reply reply = send(method, path, body, idempotencyKey);
        while (reply.transientFailure() && System.nanoTime() < deadline) {
            sleep(pause);
            pause = Math.min(2000, pause * 2);
            reply = send(method, path, body, idempotencyKey);
        }
        return reply;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
