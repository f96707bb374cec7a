package io.rapport.bench.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rapport.bench.webhooks.WebhookReceiver;
import io.rapport.bench.webhooks.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's webhook step against the real local receiver and a stand-in for the gateway's webhook API that signs and
 * sends synchronously (the real flow runs in the stack: README, "Webhooks"). A run waits 0 s: what the receiver has
 * verified when the step asks is all that counts.
 */
class DemoWebhooksTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode MEMBER = JSON.createObjectNode().put("id", "m-1").put("memberNumber", "RC-TEST0001");

    @TempDir
    Path dir;

    WebhookReceiver receiver;
    FakeGateway gateway;

    @BeforeEach
    void start() throws IOException {
        receiver = new WebhookReceiver(
                        dir.resolve("webhooks"), new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC())
                .start();
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        receiver.close();
        gateway.server.stop(0);
    }

    DemoWebhooks step() {
        return new DemoWebhooks(
                new DemoClient("http://127.0.0.1:" + gateway.server.getAddress().getPort(), "admin-token"),
                "http://127.0.0.1:" + receiver.port(),
                dir.resolve("webhooks"),
                Duration.ZERO);
    }

    @Test
    void aPartnerSubscribesTheReceiverAndItsSignedEventsVerify() throws Exception {
        assertThat(step().show("p-1", "Acme Travel", "prog-1", MEMBER)).isTrue();

        assertThat(gateway.subscriptions).hasSize(1);
        assertThat(gateway.subscriptions.values().iterator().next().url)
                .isEqualTo("http://127.0.0.1:" + receiver.port() + "/hook");
        assertThat(gateway.keysIssued.get()).isEqualTo(1);
        assertThat(gateway.linked).containsExactly("m-1");
        WebhookReceiver.Summary s = receiver.summary();
        assertThat(s.refused()).isZero();
        assertThat(s.events())
                .extracting(e -> e.type() + " " + e.verified())
                .containsExactly("rapport.webhook.ping.v1 true", "rapport.loyalty.points-earned.v1 true");
        assertThat(Files.readAllLines(dir.resolve("webhooks/secrets"))).hasSize(1);
        assertThat(Files.readString(dir.resolve("webhooks/partner-key")).trim()).startsWith("rpk_");
    }

    @Test
    void aSecondRunReusesTheSubscriptionAndTheKeyAndRotatesTheSecret() throws Exception {
        assertThat(step().show("p-1", "Acme Travel", "prog-1", MEMBER)).isTrue();
        gateway.subscriptions.values().iterator().next().status = "DISABLED";

        assertThat(step().show("p-1", "Acme Travel", "prog-1", MEMBER)).isTrue();

        assertThat(gateway.subscriptions).hasSize(1);
        assertThat(gateway.subscriptions.values().iterator().next().status).isEqualTo("ACTIVE");
        assertThat(gateway.keysIssued.get()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("webhooks/secrets"))).hasSize(2);
        assertThat(receiver.summary().verified()).isEqualTo(4);
    }

    @Test
    void saysSoWhenNoEventArrives() throws Exception {
        gateway.deliverEvents = false;

        assertThat(step().show("p-1", "Acme Travel", "prog-1", MEMBER)).isFalse();
        assertThat(receiver.summary().events()).extracting(e -> e.type()).containsExactly("rapport.webhook.ping.v1");
    }

    @Test
    void anEventSignedWithAnotherSecretIsNotCountedAsReceived() throws Exception {
        gateway.signWith = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(step().show("p-1", "Acme Travel", "prog-1", MEMBER)).isFalse();
        assertThat(receiver.summary().refused()).isEqualTo(2);
        assertThat(receiver.summary().verified()).isZero();
    }

    @Test
    void skipsTheStepWithoutAReceiver() throws Exception {
        receiver.close();

        assertThat(step().show("p-1", "Acme Travel", "prog-1", MEMBER)).isFalse();
        assertThat(gateway.subscriptions).isEmpty();
    }

    /** The webhook API as the demo uses it; deliveries are sent before the triggering call answers. */
    static final class FakeGateway {
        static final class Sub {
            final String id = UUID.randomUUID().toString();
            String url;
            String status = "ACTIVE";
            final List<String> secrets = new ArrayList<>();
        }

        final HttpServer server;
        final Map<String, Sub> subscriptions = new LinkedHashMap<>();
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final List<String> linked = new ArrayList<>();
        final AtomicInteger keysIssued = new AtomicInteger();
        final HttpClient http = HttpClient.newHttpClient();
        volatile boolean deliverEvents = true;
        volatile String signWith;

        FakeGateway() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            server.createContext("/", this::handle);
            server.start();
        }

        private synchronized void handle(HttpExchange x) throws IOException {
            try (x) {
                String path = x.getRequestURI().getPath();
                String method = x.getRequestMethod();
                byte[] in = x.getRequestBody().readAllBytes();
                boolean admin =
                        "Bearer admin-token".equals(x.getRequestHeaders().getFirst("Authorization"));
                String apiKey = x.getRequestHeaders().getFirst("X-Api-Key");
                boolean partner = apiKey != null && keys.contains(apiKey);
                if (admin && path.matches("/api/v1/loyalty/partners/p-1/keys") && method.equals("POST")) {
                    String key = "rpk_" + keysIssued.incrementAndGet() + "_" + UUID.randomUUID();
                    keys.add(key);
                    reply(x, 201, JSON.createObjectNode().put("apiKey", key));
                } else if (admin && path.matches("/api/v1/loyalty/members/m-1/partner-links")) {
                    linked.add("m-1");
                    reply(x, linked.size() == 1 ? 201 : 200, JSON.createObjectNode());
                } else if (admin && path.matches("/api/v1/loyalty/members/m-1/adjustments")) {
                    if (deliverEvents) {
                        deliverAll("rapport.loyalty.points-earned.v1");
                    }
                    reply(x, 201, JSON.createObjectNode());
                } else if (partner && path.equals("/api/v1/webhooks/event-types")) {
                    reply(x, 200, JSON.createArrayNode().add("rapport.loyalty.points-earned.v1"));
                } else if (partner && path.equals("/api/v1/webhooks/subscriptions") && method.equals("GET")) {
                    var list = JSON.createArrayNode();
                    subscriptions
                            .values()
                            .forEach(s -> list.addObject()
                                    .put("id", s.id)
                                    .put("url", s.url)
                                    .put("status", s.status));
                    reply(x, 200, list);
                } else if (partner && path.equals("/api/v1/webhooks/subscriptions") && method.equals("POST")) {
                    Sub s = new Sub();
                    s.url = JSON.readTree(in).path("url").asText();
                    s.secrets.add(newSecret());
                    subscriptions.put(s.id, s);
                    ObjectNode body = JSON.createObjectNode().put("secret", s.secrets.get(0));
                    body.putObject("subscription").put("id", s.id);
                    reply(x, 201, body);
                } else if (partner && path.matches("/api/v1/webhooks/subscriptions/[^/]+") && method.equals("PATCH")) {
                    subscriptions.get(path.substring(path.lastIndexOf('/') + 1)).status =
                            JSON.readTree(in).path("status").asText();
                    reply(x, 200, JSON.createObjectNode());
                } else if (partner && path.endsWith("/rotate-secret")) {
                    Sub s = subscriptions.get(path.split("/")[5]);
                    s.secrets.add(newSecret());
                    reply(x, 200, JSON.createObjectNode().put("secret", s.secrets.get(s.secrets.size() - 1)));
                } else if (partner && path.endsWith("/ping")) {
                    int status = deliver(subscriptions.get(path.split("/")[5]), "rapport.webhook.ping.v1");
                    reply(
                            x,
                            200,
                            JSON.createObjectNode()
                                    .put("success", status / 100 == 2)
                                    .put("statusCode", status));
                } else {
                    reply(x, 404, JSON.createObjectNode().put("detail", "no resource at this path"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void deliverAll(String type) throws IOException, InterruptedException {
            for (Sub s : subscriptions.values()) {
                if (s.status.equals("ACTIVE")) {
                    deliver(s, type);
                }
            }
        }

        private int deliver(Sub s, String type) throws IOException, InterruptedException {
            String id = UUID.randomUUID().toString();
            String ts = Long.toString(Instant.now().getEpochSecond());
            String body = JSON.createObjectNode()
                    .put("specversion", "1.0")
                    .put("id", id)
                    .put("type", type)
                    .put("subject", "RC-TEST0001")
                    .put("time", Instant.now().toString())
                    .toString();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            List<String> signatures = new ArrayList<>();
            for (String secret : signWith != null ? List.of(signWith) : s.secrets) {
                signatures.add(WebhookSignature.sign(secret, id, ts, bytes));
            }
            return http.send(
                            HttpRequest.newBuilder(URI.create(s.url))
                                    .header("webhook-id", id)
                                    .header("webhook-timestamp", ts)
                                    .header("webhook-signature", String.join(" ", signatures))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }

        private static String newSecret() {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return "whsec_" + Base64.getEncoder().encodeToString(key);
        }

        private static void reply(HttpExchange x, int status, JsonNode body) throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(body);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(status, bytes.length);
            x.getResponseBody().write(bytes);
        }
    }
}
