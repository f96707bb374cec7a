package io.rapport.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON over HTTP to the gateway with one bearer token. Never throws for an HTTP status: every answer comes back
 * as a {@link Reply}, and failures are tallied per step and status so the demo can say what did not work
 * (a missing endpoint, a service that is down) instead of stopping.
 */
final class DemoClient {
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** Whether the answer says nothing serves this path or method (the endpoint does not exist yet). */
        boolean missingEndpoint() {
            return status == 405
                    || status == 404 && body.path("detail").asText("").contains("no resource at this path");
        }

        /** Whether the gateway answered for a service that is down or slow. */
        boolean serviceDown() {
            return status == 502 || status == 503 || status == 504 || status == 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String authHeader;
    private final String authValue;
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final Map<String, String> failureSamples = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> retries = new ConcurrentHashMap<>();

    DemoClient(String base, String token) {
        this(base, "Authorization", "Bearer " + token);
    }

    private DemoClient(String base, String authHeader, String authValue) {
        this.base = base.replaceAll("/+$", "");
        this.authHeader = authHeader;
        this.authValue = authValue;
    }

    /** A client of the same gateway that acts as a partner: its API key in X-Api-Key instead of the bearer token. */
    DemoClient asPartner(String apiKey) {
        return new DemoClient(base, "X-Api-Key", apiKey);
    }

    Reply get(String step, String path) {
        return send(step, "GET", path, null, null, true);
    }

    /** A POST; with an idempotency key (or {@code naturallyIdempotent}, e.g. an order id) it is retried on a 5xx. */
    Reply post(String step, String path, Object body, String idempotencyKey) {
        return send(step, "POST", path, body, idempotencyKey, idempotencyKey != null);
    }

    Reply postIdempotent(String step, String path, Object body) {
        return send(step, "POST", path, body, null, true);
    }

    Reply put(String step, String path, Object body) {
        return send(step, "PUT", path, body, null, true);
    }

    /** Sends, retrying a repeatable request up to twice after a 5xx or no answer; every retry is counted. */
    Reply send(String step, String method, String path, Object body, String idempotencyKey, boolean repeatable) {
        Reply reply = attempt(step, method, path, body, idempotencyKey);
        for (int retry = 1; repeatable && retry <= 2 && (reply.status() >= 500 || reply.status() == 0); retry++) {
            retries.computeIfAbsent(step + " after " + reply.status(), k -> new AtomicLong())
                    .incrementAndGet();
            try {
                Thread.sleep(200L * retry); // back off before repeating an idempotent call
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
            reply = attempt(step, method, path, body, idempotencyKey);
        }
        if (!reply.ok() && reply.status() != 409) {
            tally(
                    step,
                    reply.status() == 0
                            ? "no answer"
                            : reply.status() + " " + reply.body().path("title").asText(""),
                    reply.body().path("detail").asText(""));
        }
        return reply;
    }

    private Reply attempt(String step, String method, String path, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header(authHeader, authValue)
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
            JsonNode json = response.body().length == 0 ? MissingNode.getInstance() : parse(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            return new Reply(0, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, MissingNode.getInstance());
        }
    }

    /** Counts a failure of a step that the caller judged not acceptable (e.g. a 409 it could not resolve). */
    void tally(String step, String what, String detail) {
        String key = step + " -> " + what;
        failures.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        failureSamples.putIfAbsent(key, detail);
    }

    /** Failures by step and status, with one sample detail each. */
    Map<String, String> failureReport() {
        Map<String, String> report = new TreeMap<>();
        failures.forEach((k, n) -> report.put(k, n.get() + "x, e.g. " + failureSamples.get(k)));
        return report;
    }

    /** Retries by step and the status that caused them. */
    Map<String, Long> retryReport() {
        Map<String, Long> report = new TreeMap<>();
        retries.forEach((k, n) -> report.put(k, n.get()));
        return report;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
