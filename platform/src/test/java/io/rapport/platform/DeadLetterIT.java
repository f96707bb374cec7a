package io.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.TestKafka;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Dead letters are kept per consumer, listed, redriven through the inbox (once) and discarded with a reason. */
@QuarkusTest
class DeadLetterIT {
    private static final String TYPE = "rapport.test.probe.v1";
    private static final String BASE = "/api/v1/admin/platform-test/dead-letters";

    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification admin() {
        return given().header("X-Rapport-Principal", "ops-alice").header("X-Rapport-Roles", "admin");
    }

    @Test
    void aPoisonEventIsListedWithItsConsumerAndCopiedToKafkaWithAConsumerHeader() {
        String subject = UUID.randomUUID().toString();
        String poison = TestKafka.send("platform.probe", TYPE, subject, "{\"poison\":true}");

        Map<String, Object> item = awaitDeadLetter(subject);
        assertThat(item)
                .containsEntry("consumer", "probe")
                .containsEntry("topic", "platform.probe")
                .containsEntry("eventId", poison)
                .containsEntry("eventType", TYPE)
                .containsEntry("subject", subject)
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1);
        assertThat((String) item.get("error")).contains("poison payload");
        assertThat(item.get("firstFailedAt")).isNotNull();
        assertThat(item.get("lastFailedAt")).isNotNull();

        List<ConsumerRecord<String, String>> copies = TestKafka.readUntil(
                        "platform.probe.dlq",
                        Duration.ofSeconds(30),
                        all -> all.stream().anyMatch(r -> subject.equals(r.key())))
                .stream()
                .filter(r -> subject.equals(r.key()))
                .toList();
        assertThat(copies).singleElement().satisfies(r -> {
            assertThat(TestKafka.header(r, "dead-letter-consumer")).isEqualTo("probe");
            assertThat(TestKafka.header(r, "ce_id")).isEqualTo(poison);
            assertThat(TestKafka.header(r, "dead-letter-reason")).isEqualTo("poison payload");
            assertThat(r.value()).isEqualTo("{\"poison\":true}");
        });

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(Management.given().get("/q/metrics").asString())
                                .containsPattern("rapport_dlq_records\\{consumer=\"probe\",status=\"PENDING\"} [1-9]"));
    }

    @Test
    void aRedriveAppliesTheStoredEventOnceThroughTheInbox() throws Exception {
        String subject = UUID.randomUUID().toString();
        String poison = TestKafka.send("platform.probe", TYPE, subject, "{\"poison\":1}");
        String id = (String) awaitDeadLetter(subject).get("id");
        sql("insert into probe_cure (subject) values (?)", subject);

        admin().post(BASE + "/{id}/redrive", id)
                .then()
                .statusCode(200)
                .body("redriven", equalTo(1))
                .body("applied", equalTo(1))
                .body("alreadyApplied", equalTo(0))
                .body("failed", equalTo(0));
        assertThat(effects(subject)).containsExactly(poison);
        admin().get(BASE + "/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REDRIVEN"))
                .body("resolvedBy", equalTo("ops-alice"));

        admin().post(BASE + "/{id}/redrive", id).then().statusCode(409).contentType("application/problem+json");
        assertThat(effects(subject)).containsExactly(poison);
    }

    @Test
    void aRedriveOfAnEventAppliedMeanwhileHasNoSecondEffect() throws Exception {
        String subject = UUID.randomUUID().toString();
        String poison = TestKafka.send("platform.probe", TYPE, subject, "{\"poison\":2}");
        String id = (String) awaitDeadLetter(subject).get("id");
        sql("insert into probe_cure (subject) values (?)", subject);
        TestKafka.send("platform.probe", poison, TYPE, subject, "{\"poison\":2}"); // the same event again, now curable
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject).contains(poison));

        admin().contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(id)))
                .post(BASE + "/redrive")
                .then()
                .statusCode(200)
                .body("redriven", equalTo(1))
                .body("applied", equalTo(0))
                .body("alreadyApplied", equalTo(1));
        assertThat(effects(subject)).containsExactly(poison);
    }

    @Test
    void aRedriveByFilterThatFailsAgainKeepsTheDeadLetterPending() {
        String subject = UUID.randomUUID().toString();
        String type = "rapport.test.uncured-" + UUID.randomUUID() + ".v1";
        TestKafka.send("platform.probe", type, subject, "{\"poison\":3}");
        String id = (String) awaitDeadLetter(subject).get("id");

        admin().contentType(ContentType.JSON)
                .body(Map.of("type", type))
                .post(BASE + "/redrive")
                .then()
                .statusCode(200)
                .body("redriven", equalTo(0))
                .body("failed", equalTo(1));
        admin().get(BASE + "/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(2));
        admin().contentType(ContentType.JSON)
                .body(Map.of())
                .post(BASE + "/redrive")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aDiscardNeedsAReasonAndKeepsItWithWhoDiscarded() {
        String subject = UUID.randomUUID().toString();
        TestKafka.send("platform.probe", TYPE, subject, "{\"poison\":4}");
        String id = (String) awaitDeadLetter(subject).get("id");

        admin().contentType(ContentType.JSON)
                .body(Map.of())
                .post(BASE + "/{id}/discard", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().contentType(ContentType.JSON)
                .body(Map.of("reason", "test order, never real"))
                .post(BASE + "/{id}/discard", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCARDED"))
                .body("discardReason", equalTo("test order, never real"))
                .body("resolvedBy", equalTo("ops-alice"));
        admin().get(BASE + "?status=DISCARDED&consumer=probe&size=200")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        admin().post(BASE + "/{id}/redrive", id).then().statusCode(409);
    }

    @Test
    void onlyAdminsSeeDeadLetters() {
        given().header("X-Rapport-Principal", "bob")
                .header("X-Rapport-Roles", "sales")
                .get(BASE)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("X-Rapport-Principal", "mia")
                .header("X-Rapport-Roles", "marketing,support")
                .get(BASE)
                .then()
                .statusCode(403);
        given().header("X-Test-Raw-Identity", "true").get(BASE).then().statusCode(401); // no service token at all
        admin().get("/api/v1/admin/loyalty/dead-letters").then().statusCode(404);
        admin().get(BASE + "?status=LOST").then().statusCode(400).contentType("application/problem+json");
        admin().get(BASE + "?size=0").then().statusCode(400);
    }

    @Test
    void aCustomersErasureScrubsItsDeadLettersAndDiscardsThePendingOnes() throws Exception {
        String subject = UUID.randomUUID().toString();
        TestKafka.send("platform.probe", TYPE, subject, "{\"poison\":true,\"email\":\"erase.me@example.org\"}");
        String id = (String) awaitDeadLetter(subject).get("id");

        TestKafka.send(
                "platform.probe",
                "rapport.customer.erased.v1",
                subject,
                "{\"customerId\":\"" + subject + "\",\"erasedAt\":\"2026-01-01T00:00:00Z\"}");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> admin().get(BASE + "/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("DISCARDED"))
                        .body("discardReason", equalTo("subject erased")));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select coalesce(payload, '') || coalesce(record_key, '') || headers || error from rapport_dead_letter where subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1))
                        .doesNotContain("erase.me@example.org")
                        .doesNotContain("poison");
            }
        }
    }

    private Map<String, Object> awaitDeadLetter(String subject) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath page = admin().get(BASE + "?status=PENDING&size=200")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            found.clear();
            items.stream().filter(i -> subject.equals(i.get("subject"))).forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void sql(String statement, String param) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, param);
            ps.executeUpdate();
        }
    }

    private List<String> effects(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select event_id from probe_effect where subject = ? order by id")) {
            ps.setString(1, subject);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}
