package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.Topics;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.devstack.TestKafka;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 2, for loyalty: a customer and its duplicate arrive as an older customer-service release published
 * them (name, e-mails, phones), are members with points adjusted (and a membership left) for reasons that name them; after the merge and the
 * erasure no table of loyalty's database (audit trail included) and no record of loyalty.events or the dead-letter
 * topics holds any of it.
 */
@QuarkusTest
class ErasureScanIT {
    @Inject
    AgroalDataSource ds;

    @Test
    void afterErasureNoTableOrTopicOfLoyaltyHoldsTheCustomersPersonalData() {
        mergeThenEraseLeavesNoPersonalData(false);
    }

    /**
     * CustomerMerged is keyed by the duplicate and the survivor's CustomerErased by the survivor: on different
     * partitions the survivor's erasure can be applied first. The duplicate's membership the merge then moves to the
     * erased survivor is erased as well (before: it stayed active under the survivor's id with its reasons).
     */
    @Test
    void aMergeIntoAnAlreadyErasedSurvivorErasesWhatItMoves() {
        mergeThenEraseLeavesNoPersonalData(true);
    }

    private void mergeThenEraseLeavesNoPersonalData(boolean survivorErasureFirst) {
        long n = System.nanoTime();
        String programme = Fixtures.programme(0, 0);
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        List<String> needles = new ArrayList<>();
        Map<UUID, String> members = new HashMap<>();
        for (UUID id : List.of(survivor, duplicate)) {
            String name = (id == survivor ? "Loysurvina" : "Loydupwood") + n;
            String email = "l" + n + id.toString().substring(0, 4) + "@example.org";
            String phone = "+4940" + (n % 100_000_000L) + id.toString().charAt(0);
            needles.addAll(List.of(name, email, phone, phone.substring(1)));
            CustomerEventsProducer.send(
                    CustomerEvents.REGISTERED, id.toString(), legacyRegistered(id, name, email, phone));
            String member = (String) Fixtures.enrol(programme, id).get("id");
            members.put(id, member);
            given().contentType(ContentType.JSON)
                    .body(Map.of("points", 50, "reason", "goodwill for " + name))
                    .header("X-Rapport-Principal", "alice")
                    .header("X-Rapport-Roles", "admin")
                    .post("/api/v1/loyalty/members/{id}/adjustments", member)
                    .then()
                    .statusCode(201);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Loydupwood" + n + " moves abroad"))
                .post("/api/v1/loyalty/members/{id}/leave", members.get(duplicate))
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("select count(*) from customer_profile where customer_id in (?, ?)", survivor, duplicate)
                                == 2);

        if (survivorErasureFirst) {
            CustomerEventsProducer.send(
                    CustomerEvents.ERASED, survivor.toString(), new CustomerErased(survivor.toString(), Instant.now()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            count("select count(*) from customer_profile where erased and customer_id = ?", survivor)
                                    == 1);
        }
        CustomerEventsProducer.send(
                CustomerEvents.MERGED,
                duplicate.toString(),
                new CustomerMerged(survivor.toString(), duplicate.toString(), "steward", Instant.now()));
        CustomerEventsProducer.send(
                CustomerEvents.ERASED, duplicate.toString(), new CustomerErased(duplicate.toString(), Instant.now()));
        if (!survivorErasureFirst) {
            CustomerEventsProducer.send(
                    CustomerEvents.ERASED, survivor.toString(), new CustomerErased(survivor.toString(), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("select count(*) from member where customer_id in (?, ?)", survivor, duplicate) == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from customer_profile where erased and" + " customer_id in (?, ?)",
                                survivor,
                                duplicate)
                        == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from rapport_outbox where sent_at is null") == 0);

        given().header("X-Rapport-Principal", "auditor")
                .header("X-Rapport-Roles", "admin")
                .queryParam("customerId", survivor)
                .get("/api/v1/loyalty/audit")
                .then()
                .statusCode(200)
                .body("items.find { it.action == 'ADJUST' }.actor", org.hamcrest.Matchers.equalTo("alice"))
                .body("items.find { it.action == 'ADJUST' }.redactedAt", org.hamcrest.Matchers.notNullValue());
        List<String> tables = tables();
        assertThat(tables).contains("customer_profile", "member", "ledger_entry", "rapport_outbox", "rapport_audit");
        for (String table : tables) {
            for (String needle : needles) {
                assertThat(count("select count(*) from " + table + " t where t::text ilike ?", "%" + needle + "%"))
                        .as("%s in table %s", needle, table)
                        .isZero();
            }
        }
        for (String topic : List.of(Topics.LOYALTY, Topics.dlq(Topics.LOYALTY), Topics.dlq(Topics.CUSTOMER))) {
            for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
                for (String needle : needles) {
                    assertThat(r.value())
                            .as("%s in %s@%d", needle, topic, r.offset())
                            .doesNotContainIgnoringCase(needle);
                }
            }
        }
    }

    /** A CustomerRegistered as releases before issue 15 published it: with name, e-mails and phones. */
    private static Map<String, Object> legacyRegistered(UUID id, String name, String email, String phone) {
        Map<String, Object> c = new HashMap<>();
        c.put("customerId", id.toString());
        c.put("kind", "CONSUMER");
        c.put("status", "ACTIVE");
        c.put("displayName", name);
        c.put("primaryEmail", email);
        c.put("primaryPhone", phone);
        c.put("emails", List.of(email));
        c.put("phones", List.of(phone));
        c.put("consents", Map.of());
        c.put("doNotContact", false);
        c.put("createdAt", "2026-01-01T00:00:00Z");
        c.put("version", 1);
        return Map.of("customer", c);
    }

    private long count(String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> tables() {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select table_name from"
                                + " information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
