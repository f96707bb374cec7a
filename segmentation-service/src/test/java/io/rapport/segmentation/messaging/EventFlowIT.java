package io.rapport.segmentation.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.Topics;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.devstack.TestKafka;
import io.rapport.segmentation.TestData;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end on the real broker: events in, a recompute, segment-changed events out, and classes kept fresh between runs. */
@QuarkusTest
class EventFlowIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonSchema SEGMENT_CHANGED = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(
                    EventFlowIT.class
                            .getClassLoader()
                            .getResourceAsStream(SegmentationEvents.SEGMENT_CHANGED.schemaPath()),
                    SchemaValidatorsConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build());

    @Inject
    TestData data;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void reset() {
        data.reset();
    }

    static JsonPath profile(UUID id) {
        return given().get("/api/v1/segments/customers/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static BigDecimal revenue(UUID id, String period) {
        return new BigDecimal(profile(id).getString(period + ".revenue"));
    }

    static void awaitRevenue(UUID id, String period, String expected) {
        await().atMost(WAIT).untilAsserted(() -> {
            given().get("/api/v1/segments/customers/{id}", id).then().statusCode(200);
            assertThat(revenue(id, period)).isEqualByComparingTo(expected);
        });
    }

    static String classOf(UUID id, String scheme) {
        List<Map<String, Object>> classes = profile(id).getList("classes");
        return classes.stream()
                .filter(c -> scheme.equals(c.get("scheme")))
                .map(c -> (String) c.get("classLabel"))
                .findFirst()
                .orElse(null);
    }

    private Map<String, JsonNode> segmentChanges(List<UUID> customers, String runId, int expected) {
        Map<String, JsonNode> out = new HashMap<>();
        TestKafka.readUntil(Topics.SEGMENTATION, WAIT, records -> {
            out.clear();
            for (ConsumerRecord<String, String> r : records) {
                if (!SegmentationEvents.SEGMENT_CHANGED.name().equals(TestKafka.header(r, CloudEvents.TYPE))
                        || !customers.contains(UUID.fromString(r.key()))) {
                    continue;
                }
                JsonNode payload = read(r.value());
                if (runId == null
                        ? payload.path("runId").isNull()
                        : runId.equals(payload.path("runId").asText())) {
                    assertThat(SEGMENT_CHANGED.validate(payload)).as(r.value()).isEmpty();
                    assertThat(TestKafka.header(r, CloudEvents.SUBJECT)).isEqualTo(r.key());
                    out.put(r.key() + "/" + payload.path("scheme").asText(), payload);
                }
            }
            return out.size() >= expected;
        });
        return out;
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void purchasesInRecomputeSegmentChangedOutThenFreshBetweenRuns() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        for (UUID id : List.of(a, b, c, d)) {
            Events.registered(id, id.equals(c) ? "20000" : null, false);
        }
        Events.purchase(a, "5000.00", "3000.00", "TENTS");
        Events.purchase(b, "3000.00", "2000.00", "TENTS", "BOOTS");
        Events.purchase(c, "1000.00", "600.00", "BOOTS");
        Events.purchase(d, "500.00", "300.00", "STOVES");
        awaitRevenue(d, "window", "500");
        awaitRevenue(a, "window", "5000");
        awaitRevenue(b, "window", "3000");
        awaitRevenue(c, "window", "1000");

        String runId = given().contentType(ContentType.JSON)
                .body("{\"scheme\":\"ABC\"}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201)
                .extract()
                .path("runs[0].runId");
        // cumulative before each: 0, 52.6%, 84.2%, 94.7% of 9500 -> A, A, B, B
        Map<String, JsonNode> changes = segmentChanges(List.of(a, b, c, d), runId, 4);
        assertThat(changes.get(a + "/ABC").path("toClass").asText()).isEqualTo("A");
        assertThat(changes.get(b + "/ABC").path("toClass").asText()).isEqualTo("A");
        assertThat(changes.get(c + "/ABC").path("toClass").asText()).isEqualTo("B");
        assertThat(changes.get(d + "/ABC").path("toClass").asText()).isEqualTo("B");
        assertThat(changes.get(a + "/ABC").path("fromClass").isNull()).isTrue();
        assertThat(changes.get(a + "/ABC").path("recommendedLevel").asText()).isNotBlank();
        assertThat(changes.get(a + "/ABC").path("figures").path("revenue").asText())
                .isNotBlank();

        // between runs: d's next purchase lifts it above the smallest A of the run (3000)
        Events.purchase(d, "4000.00", "2000.00", "TENTS");
        await().atMost(WAIT).untilAsserted(() -> assertThat(classOf(d, "ABC")).isEqualTo("A"));
        JsonNode fresh = segmentChanges(List.of(d), null, 1).get(d + "/ABC");
        assertThat(fresh.path("fromClass").asText()).isEqualTo("B");
        assertThat(fresh.path("toClass").asText()).isEqualTo("A");

        JsonPath view = profile(d);
        assertThat(view.getString("classes[0].reason")).contains("4500");
        assertThat(view.getInt("window.purchases")).isEqualTo(2);
        assertThat(view.getInt("window.categories")).isEqualTo(2);
        // the purchase lines' SKUs are kept for SKU-level co-purchase rules
        assertThat(data.count("select count(distinct sku) from sku_month where customer_id = ?", d))
                .isEqualTo(2);
        given().get("/api/v1/segments/customers/{id}/history", d)
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2))
                .body("items[0].toClass", org.hamcrest.Matchers.equalTo("A"));
    }

    @Test
    void valueSchemeRunPublishesMvcMgcBz() {
        UUID best = UUID.randomUUID();
        UUID growable = UUID.randomUUID();
        UUID loser = UUID.randomUUID();
        Events.registered(best, null, false);
        Events.registered(growable, "50000", true);
        Events.registered(loser, null, false);
        Events.purchase(best, "9000", "4000", "TENTS");
        Events.purchase(growable, "1000", "700", "BOOTS");
        String lost = Events.purchase(loser, "100", "80", "BOOTS");
        Events.refund(loser, lost, "50", "0");
        Events.cost(loser, "200");
        awaitRevenue(best, "window", "9000");
        awaitRevenue(growable, "window", "1000");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(new BigDecimal(profile(loser).getString("window.profit")))
                        .isEqualByComparingTo("-230"));

        String runId = given().contentType(ContentType.JSON)
                .body("{\"scheme\":\"VALUE\"}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201)
                .extract()
                .path("runs[0].runId");
        Map<String, JsonNode> changes = segmentChanges(List.of(best, growable, loser), runId, 3);
        assertThat(changes.get(best + "/VALUE").path("toClass").asText()).isEqualTo("MVC");
        assertThat(changes.get(growable + "/VALUE").path("toClass").asText()).isEqualTo("MGC");
        assertThat(changes.get(loser + "/VALUE").path("toClass").asText()).isEqualTo("BZ");
        assertThat(changes.get(growable + "/VALUE")
                        .path("figures")
                        .path("potential")
                        .asText())
                .isEqualTo("49000");
    }

    @Test
    void aWholeOrderRefundTakesItsRevenueOutOfAbcAndShareOfWalletBetweenRuns() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        Events.registered(a, null, false);
        Events.registered(b, "1000", false);
        Events.registered(c, null, false);
        Events.purchase(a, "800.00", "400.00", "TENTS");
        String order = Events.purchase(b, "150.00", "90.00", "BOOTS");
        Events.purchase(c, "50.00", "30.00", "STOVES");
        awaitRevenue(a, "window", "800");
        awaitRevenue(b, "window", "150");
        awaitRevenue(c, "window", "50");
        given().contentType(ContentType.JSON)
                .body("{\"scheme\":\"ABC\"}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201);
        // cumulative before each: 0, 80%, 95% of 1000 -> A, B, C
        assertThat(classOf(b, "ABC")).isEqualTo("B");

        Events.refund(b, order, "150.00", "90.00");
        await().atMost(WAIT).untilAsserted(() -> assertThat(classOf(b, "ABC")).isEqualTo("C"));
        JsonPath view = profile(b);
        assertThat(new BigDecimal(view.getString("window.revenue"))).isEqualByComparingTo("150");
        assertThat(new BigDecimal(view.getString("window.netRevenue"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(view.getString("window.grossMargin"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(view.getString("window.shareOfWallet"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(view.getString("window.potential"))).isEqualByComparingTo("1000");
        JsonNode fresh = segmentChanges(List.of(b), null, 1).get(b + "/ABC");
        assertThat(fresh.path("toClass").asText()).isEqualTo("C");
        assertThat(new BigDecimal(fresh.path("figures").path("revenue").asText()))
                .isEqualByComparingTo("0");
    }
}
