package io.rapport.bench.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.rapport.bench.faults.GatewayApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The crm dlq wrapper speaks the dead-letter admin API contract (a recording stand-in plays the gateway). */
class DlqMainTest {
    private HttpServer gateway;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private GatewayApi api;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI() + (body.isEmpty() ? "" : " " + body)
                            + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        gateway.start();
        api = new GatewayApi("http://127.0.0.1:" + gateway.getAddress().getPort(), "tok", Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void listPassesTheFiltersAndPrintsATable() {
        answer = """
                {"items":[{"id":"d1","consumer":"loyalty","topic":"customer.events","eventId":"e1",
                "eventType":"rapport.customer.purchase-recorded.v1","subject":"c1","error":"bad payload","attempts":1,
                "lastFailedAt":"2026-12-04T16:00:00Z","status":"PENDING"}],"page":0,"size":50,"total":1}""";
        int exit = run(
                List.of("loyalty", "list"),
                Map.of("status", "PENDING", "type", "rapport.customer.purchase-recorded.v1"));
        assertThat(exit).isZero();
        assertThat(requests)
                .singleElement()
                .asString()
                .startsWith(
                        "GET /api/v1/admin/loyalty/dead-letters?page=0&size=50&status=PENDING&type=rapport.customer.purchase-recorded.v1")
                .endsWith("auth=Bearer tok");
        assertThat(out.toString())
                .contains("d1")
                .contains("PENDING")
                .contains("bad payload")
                .contains("1 of 1 dead letters");
    }

    @Test
    void redriveOneOrAFilter() {
        answer = "{\"redriven\":1,\"applied\":1,\"alreadyApplied\":0,\"failed\":0}";
        assertThat(run(List.of("segmentation", "redrive", "d7"), Map.of())).isZero();
        assertThat(run(List.of("segmentation", "redrive"), Map.of("type", "t", "since", "2026-12-01T00:00:00Z")))
                .isZero();
        assertThat(run(List.of("segmentation", "redrive"), Map.of("all", "true")))
                .isZero();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0)).startsWith("POST /api/v1/admin/segmentation/dead-letters/d7/redrive auth=");
        assertThat(requests.get(1))
                .startsWith(
                        "POST /api/v1/admin/segmentation/dead-letters/redrive {\"type\":\"t\",\"since\":\"2026-12-01T00:00:00Z\"}");
        assertThat(requests.get(2)).startsWith("POST /api/v1/admin/segmentation/dead-letters/redrive {\"all\":true}");
        assertThat(out.toString()).contains("\"applied\" : 1");
    }

    @Test
    void redriveWithoutATargetIsRefusedBeforeAnyCall() {
        assertThat(run(List.of("loyalty", "redrive"), Map.of())).isEqualTo(2);
        assertThat(requests).isEmpty();
    }

    @Test
    void discardNeedsAReasonAndSendsIt() {
        assertThat(run(List.of("engagement", "discard", "d3"), Map.of())).isEqualTo(2);
        assertThat(requests).isEmpty();
        answer = "{\"id\":\"d3\",\"status\":\"DISCARDED\",\"discardReason\":\"test order\"}";
        assertThat(run(List.of("engagement", "discard", "d3"), Map.of("reason", "test order")))
                .isZero();
        assertThat(requests)
                .singleElement()
                .asString()
                .startsWith("POST /api/v1/admin/engagement/dead-letters/d3/discard {\"reason\":\"test order\"}");
    }

    @Test
    void aRefusalIsAFailure() {
        status = 403;
        answer = "{\"title\":\"Forbidden\"}";
        assertThat(run(List.of("customer", "list"), Map.of())).isEqualTo(1);
    }

    @Test
    void anUnknownServiceIsBadUsage() {
        assertThat(run(List.of("billing", "list"), Map.of())).isEqualTo(2);
        assertThat(requests).isEmpty();
    }

    private int run(List<String> words, Map<String, String> opts) {
        return DlqMain.run(
                api, words, new java.util.LinkedHashMap<>(opts), new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
