package io.rapport.bench.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's receiver over real HTTP on a free local port, with a fixed clock. */
class WebhookReceiverTest {
    static final Instant NOW = Instant.parse("2026-12-05T20:00:00Z");
    static final String SECRET = "whsec_"
            + Base64.getEncoder()
                    .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("secrets"), SECRET + "\n");
        receiver = newReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    WebhookReceiver newReceiver() throws Exception {
        return new WebhookReceiver(dir, new InetSocketAddress("127.0.0.1", 0), Clock.fixed(NOW, ZoneOffset.UTC))
                .start();
    }

    static String event(String id, String member) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/loyalty-service\","
                + "\"type\":\"rapport.loyalty.points-earned.v1\",\"subject\":\"" + member + "\","
                + "\"time\":\"2026-12-05T19:59:58Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"memberNumber\":\"" + member + "\",\"points\":25}}";
    }

    int post(String id, long timestamp, String body, String signature) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/hook"))
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (id != null) {
            r.header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    int postSigned(String id, String body) throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        return post(
                id,
                NOW.getEpochSecond(),
                body,
                WebhookSignature.sign(SECRET, id, ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    JsonNode events() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/events.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void keepsAVerifiedEventOnceAndAnswers2xxToItsRedelivery() throws Exception {
        String body = event("e-1", "RC-ABCD");
        assertThat(postSigned("e-1", body)).isEqualTo(204);
        assertThat(postSigned("e-1", body)).isEqualTo(204);

        JsonNode state = events();
        assertThat(state.path("verified").asLong()).isEqualTo(1);
        assertThat(state.path("duplicates").asLong()).isEqualTo(1);
        JsonNode e = state.path("events").get(0);
        assertThat(e.path("webhookId").asText()).isEqualTo("e-1");
        assertThat(e.path("type").asText()).isEqualTo("rapport.loyalty.points-earned.v1");
        assertThat(e.path("subject").asText()).isEqualTo("RC-ABCD");
        assertThat(e.path("time").asText()).isEqualTo("2026-12-05T19:59:58Z");
        assertThat(e.path("verified").asBoolean()).isTrue();
        assertThat(e.path("data").path("points").asInt()).isEqualTo(25);
    }

    @Test
    void refusesATamperedBodyAStaleTimestampAndAnUnsignedRequestWith401() throws Exception {
        String body = event("e-2", "RC-ABCD");
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = WebhookSignature.sign(SECRET, "e-2", ts, body.getBytes(StandardCharsets.UTF_8));
        assertThat(post("e-2", NOW.getEpochSecond(), body.replace("25", "2500"), signature))
                .isEqualTo(401);
        long old = NOW.getEpochSecond() - 600;
        String oldSignature =
                WebhookSignature.sign(SECRET, "e-2", Long.toString(old), body.getBytes(StandardCharsets.UTF_8));
        assertThat(post("e-2", old, body, oldSignature)).isEqualTo(401);
        assertThat(post(null, 0, body, null)).isEqualTo(401);

        JsonNode state = events();
        assertThat(state.path("verified").asLong()).isZero();
        assertThat(state.path("refused").asLong()).isEqualTo(3);
        assertThat(state.path("events"))
                .extracting(n -> n.path("outcome").asText())
                .containsExactly("BAD_SIGNATURE", "STALE_TIMESTAMP", "MISSING_HEADERS");
        assertThat(state.path("events"))
                .allSatisfy(n -> assertThat(
                                n.path("data").isNull() || n.path("data").isMissingNode())
                        .isTrue());
        // a refused request does not block the genuine one with the same id
        assertThat(postSigned("e-2", body)).isEqualTo(204);
        assertThat(events().path("verified").asLong()).isEqualTo(1);
    }

    @Test
    void readsANewSecretWithoutARestart() throws Exception {
        String rotated = "whsec_" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        String body = event("e-3", "RC-EFGH");
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = WebhookSignature.sign(rotated, "e-3", ts, body.getBytes(StandardCharsets.UTF_8));
        assertThat(post("e-3", NOW.getEpochSecond(), body, signature)).isEqualTo(401);
        Files.writeString(dir.resolve("secrets"), SECRET + "\n" + rotated + "\n");
        assertThat(post("e-3", NOW.getEpochSecond(), body, signature)).isEqualTo(204);
    }

    @Test
    void keepsWhatItReceivedAcrossARestart() throws Exception {
        assertThat(postSigned("e-4", event("e-4", "RC-IJKL"))).isEqualTo(204);
        receiver.close();
        receiver = newReceiver();

        assertThat(postSigned("e-4", event("e-4", "RC-IJKL"))).isEqualTo(204);
        JsonNode state = events();
        assertThat(state.path("verified").asLong()).isEqualTo(1);
        assertThat(state.path("duplicates").asLong()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("received.jsonl"))).hasSize(1);
    }

    @Test
    void listsTheEventsOnItsPageWithoutLettingABodyInjectMarkup() throws Exception {
        assertThat(postSigned("<b>e-5</b>", event("e-5", "RC-<script>"))).isEqualTo(204);
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("&lt;b&gt;e-5&lt;/b&gt;", "RC-&lt;script&gt;", "rapport.loyalty.points-earned.v1");
        assertThat(page.body()).doesNotContain("<script>");
    }
}
