package io.rapport.engagement;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 2: engagement's customer profile kept the customer's name. A customer and the duplicate merged into
 * it arrive as an older customer-service release published them (with name, e-mails and phones), get contacts,
 * interactions and complaints (resolved) with free text; after the merge and the erasure (CustomerErased for both, as
 * customer-service now publishes) no table of engagement's database and no record of its topics holds any of it.
 */
@QuarkusTest
class ErasureScanIT {
    private static KafkaEvents kafka;

    @Inject
    AgroalDataSource ds;

    @Inject
    TestClock clock;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    @BeforeAll
    static void producer() {
        kafka = new KafkaEvents();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void afterErasureNoTableOrTopicOfEngagementHoldsTheCustomersPersonalData() {
        mergeThenEraseLeavesNoPersonalData(false);
    }

    /**
     * CustomerMerged is keyed by the duplicate and the survivor's CustomerErased by the survivor: they travel on
     * different partitions, so the survivor's erasure can be applied before the merge moves the duplicate's rows onto
     * it. The rows a merge brings to an erased survivor are scrubbed as the erasure would have (CI run of stop 31 saw
     * the duplicate's contact notes survive this order).
     */
    @Test
    void aMergeIntoAnAlreadyErasedSurvivorScrubsWhatItMoves() {
        mergeThenEraseLeavesNoPersonalData(true);
    }

    private void mergeThenEraseLeavesNoPersonalData(boolean survivorErasureFirst) {
        long n = System.nanoTime();
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        Map<UUID, String> names = Map.of(survivor, "Engsurvina" + n, duplicate, "Engdupwood" + n);
        List<String> needles = new ArrayList<>(names.values());
        for (UUID id : List.of(survivor, duplicate)) {
            String name = names.get(id);
            String email = "e" + n + id.toString().substring(0, 4) + "@example.org";
            String phone = "+4930" + (n % 100_000_000L) + id.toString().charAt(0);
            needles.add(email);
            needles.add(phone);
            kafka.send(CustomerEvents.REGISTERED, id.toString(), legacyRegistered(id, name, email, phone));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("select count(*) from customer_profile where customer_id in (?, ?)", survivor, duplicate)
                                == 2);
        for (UUID id : List.of(survivor, duplicate)) {
            String name = names.get(id);
            given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "customerId",
                            id,
                            "channel",
                            "PHONE",
                            "purpose",
                            "CHECK_IN",
                            "dueAt",
                            "2026-06-06T10:00:00Z",
                            "notes",
                            "call " + name + " about the kitchen"))
                    .post("/api/v1/engagement/contacts")
                    .then()
                    .statusCode(201);
            given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "customerId",
                            id,
                            "direction",
                            "INBOUND",
                            "kind",
                            "CALL",
                            "outcome",
                            "QUOTE",
                            "notes",
                            name + " wants 20 units"))
                    .post("/api/v1/engagement/interactions")
                    .then()
                    .statusCode(201);
            String complaint = given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "customerId",
                            id,
                            "channel",
                            "EMAIL",
                            "category",
                            "DELIVERY",
                            "severity",
                            "LOW",
                            "description",
                            name + " got a damaged parcel"))
                    .post("/api/v1/engagement/complaints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().contentType(ContentType.JSON)
                    .body(Map.of("resolution", "sent " + name + " a new one", "satisfaction", 4))
                    .post("/api/v1/engagement/complaints/{id}/resolve", complaint)
                    .then()
                    .statusCode(200);
        }

        if (survivorErasureFirst) {
            kafka.send(
                    CustomerEvents.ERASED, survivor.toString(), new CustomerErased(survivor.toString(), Instant.now()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            count("select count(*) from customer_profile where erased and customer_id = ?", survivor)
                                    == 1);
        }
        kafka.send(
                CustomerEvents.MERGED,
                duplicate.toString(),
                new CustomerMerged(survivor.toString(), duplicate.toString(), "steward", Instant.now()));
        kafka.send(
                CustomerEvents.ERASED, duplicate.toString(), new CustomerErased(duplicate.toString(), Instant.now()));
        if (!survivorErasureFirst) {
            kafka.send(
                    CustomerEvents.ERASED, survivor.toString(), new CustomerErased(survivor.toString(), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from customer_profile where erased and" + " customer_id in (?, ?)",
                                survivor,
                                duplicate)
                        == 2);

        List<String> tables = tables();
        assertThat(tables).contains("customer_profile", "contact", "complaint", "interaction", "rapport_outbox");
        for (String table : tables) {
            for (String needle : needles) {
                assertThat(count("select count(*) from " + table + " t where t::text ilike ?", "%" + needle + "%"))
                        .as("%s in table %s", needle, table)
                        .isZero();
            }
        }
        for (String topic : List.of(Topics.ENGAGEMENT, Topics.dlq(Topics.ENGAGEMENT), Topics.dlq(Topics.CUSTOMER))) {
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
        c.put("timeZone", "Europe/Berlin");
        c.put("ownerId", "rep-e");
        c.put("consents", Map.of("PHONE", true, "EMAIL", true));
        c.put("doNotContact", false);
        c.put("channelPreference", List.of("PHONE", "EMAIL"));
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
