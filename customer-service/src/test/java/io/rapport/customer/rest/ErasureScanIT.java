package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.Topics;
import io.rapport.customer.service.ErasureService;
import io.rapport.devstack.TestKafka;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 2: after erasing a customer that had a merged duplicate, purchases, a refund, costs, consents and
 * preferences, none of its or its duplicate's names, e-mails, phones, street, birth date or free text can be read in ANY table of
 * customer-service's database (outbox and audit trail included) nor in ANY record of customer.events and its
 * dead-letter topic; the erasure is in the audit trail with its actor and reason.
 */
@QuarkusTest
class ErasureScanIT {
    @Inject
    AgroalDataSource ds;

    @Inject
    ErasureService erasure;

    @Inject
    EntityManager em;

    @Test
    void erasureLeavesNoPersonalDataOfTheCustomerOrItsMergedDuplicateInAnyTableOrTopic() {
        long n = System.nanoTime();
        Person survivor = new Person(
                "Survelina" + n, "Scanwright" + n, Api.uniqueEmail(), Api.uniquePhone(), "Survivor Road " + n);
        Person duplicate =
                new Person("Duplina" + n, "Dupworth" + n, Api.uniqueEmail(), Api.uniquePhone(), "Duplicate Lane " + n);
        String renamed = "Renamedia" + n;
        String s = Api.create(survivor.body());
        String d = Api.create(duplicate.body());
        for (String id : List.of(s, d)) {
            String purchase = json().body(Api.purchase("SCAN-" + id, 1, "10.00"))
                    .post("/api/v1/customers/" + id + "/purchases")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            json().body("{\"wholeOrder\":true,\"reason\":\"refund for " + survivor.family + "\"}")
                    .post("/api/v1/customers/" + id + "/purchases/" + purchase + "/refunds")
                    .then()
                    .statusCode(201);
            json().body("{\"type\":\"SERVICE_CALL\",\"amount\":\"4.00\",\"currency\":\"EUR\",\"note\":\"called "
                            + duplicate.family + "\"}")
                    .post("/api/v1/customers/" + id + "/costs")
                    .then()
                    .statusCode(201);
            json().body("{\"granted\":true,\"source\":\"phoned " + survivor.given + "\"}")
                    .put("/api/v1/customers/" + id + "/consents/EMAIL")
                    .then()
                    .statusCode(200);
            json().body("{\"value\":\"pillow for " + duplicate.given + "\"}")
                    .put("/api/v1/customers/" + id + "/preferences/room/pillow")
                    .then()
                    .statusCode(200);
            json().body("{\"value\":\"long pillow for " + survivor.given + "\",\"touchpoint\":\"STORE\"}")
                    .put("/api/v1/customers/" + id + "/preferences/room/pillow")
                    .then()
                    .statusCode(200);
            json().body("{\"value\":\"tea for " + duplicate.family + "\"}")
                    .put("/api/v1/customers/" + id + "/preferences/drinks/tea")
                    .then()
                    .statusCode(200);
            json().delete("/api/v1/customers/" + id + "/preferences/drinks/tea")
                    .then()
                    .statusCode(204);
        }
        json().body(survivor.body().replace(survivor.given, renamed))
                .put("/api/v1/customers/" + s)
                .then()
                .statusCode(200);
        as("steward-1")
                .body("{\"mergedId\":\"" + d + "\",\"reason\":\"same person as " + duplicate.family + "\"}")
                .post("/api/v1/customers/" + s + "/merge")
                .then()
                .statusCode(200);

        as("dpo-7")
                .body("{\"reason\":\"DSR-2026-0042\"}")
                .post("/api/v1/customers/" + s + "/erasure")
                .then()
                .statusCode(204);

        awaitOutboxSent();
        List<String> needles = new ArrayList<>(survivor.values());
        needles.addAll(duplicate.values());
        needles.add(renamed);
        assertNowhere(needles);
        json().get("/api/v1/customers/" + d).then().statusCode(200).body("status", equalTo("ERASED"));
        assertThat(Db.events(ds, d, "rapport.customer.erased.v1")).isEqualTo(1);
        as("auditor")
                .queryParam("customerId", s)
                .queryParam("size", 200)
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(200)
                .body("items.find { it.action == 'ERASE' }.actor", equalTo("dpo-7"))
                .body("items.find { it.action == 'ERASE' }.actorRoles", org.hamcrest.Matchers.contains("admin"))
                .body("items.find { it.action == 'ERASE' }.after.reason", equalTo("DSR-2026-0042"))
                .body("items.find { it.action == 'ERASE' }.after.duplicatesErased", org.hamcrest.Matchers.contains(d))
                .body("items.find { it.action == 'MERGE' }.actor", equalTo("steward-1"))
                .body(
                        "items.findAll { it.action != 'ERASE' }.redactedAt",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue()));
    }

    /** An event an older release wrote with personal data and had not sent yet is published without it. */
    @Test
    void anUnsentEventWrittenBeforeTheErasureIsPublishedWithoutPersonalData() {
        long n = System.nanoTime();
        Person p =
                new Person("Legacia" + n, "Oldrelease" + n, Api.uniqueEmail(), Api.uniquePhone(), "Legacy Street " + n);
        String id = Api.create(p.body());
        awaitOutboxSent();
        String legacy = """
                {"customer":{"customerId":"%s","kind":"CONSUMER","status":"ACTIVE","displayName":"%s %s","primaryEmail":"%s",
                "primaryPhone":"%s","emails":["%s"],"phones":["%s"],"tags":["%s"],"consents":{},"doNotContact":false,
                "createdAt":"2026-01-01T00:00:00Z","version":1},"changedFields":["displayName"]}""".formatted(id, p.given, p.family, p.email, p.phone, p.email, p.phone, p.street);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery(
                            "insert into rapport_outbox (id, topic, type, source, subject, payload) values"
                                    + " (cast(?1 as uuid), 'customer.events', 'rapport.customer.updated.v1', '/customer-service', ?2, ?3)")
                    .setParameter(1, UUID.randomUUID().toString())
                    .setParameter(2, id)
                    .setParameter(3, legacy)
                    .executeUpdate();
            erasure.erase(UUID.fromString(id), "legacy row test");
        });

        awaitOutboxSent();
        assertNowhere(p.values());
        List<ConsumerRecord<String, String>> mine = TestKafka.readAll(Topics.CUSTOMER).stream()
                .filter(r -> id.equals(r.key()))
                .toList();
        assertThat(mine).anyMatch(r -> r.value().contains("\"changedFields\":[\"displayName\"]"));
    }

    private void assertNowhere(List<String> needles) {
        List<String> tables = tables();
        assertThat(tables).contains("customer", "rapport_outbox", "rapport_audit", "purchase", "cost_entry");
        for (String table : tables) {
            for (String needle : needles) {
                assertThat(Db.count(
                                ds, "select count(*) from " + table + " t where t::text ilike ?", "%" + needle + "%"))
                        .as("%s in table %s", needle, table)
                        .isZero();
            }
        }
        for (String topic : List.of(Topics.CUSTOMER, Topics.dlq(Topics.CUSTOMER))) {
            for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
                StringBuilder all =
                        new StringBuilder(String.valueOf(r.key())).append(' ').append(r.value());
                for (Header h : r.headers()) {
                    all.append(' ').append(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
                for (String needle : needles) {
                    assertThat(all.toString().toLowerCase())
                            .as("%s in %s@%d", needle, topic, r.offset())
                            .doesNotContain(needle.toLowerCase());
                }
            }
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

    private void awaitOutboxSent() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Db.count(ds, "select count(*) from rapport_outbox where sent_at is null") == 0);
    }

    private static RequestSpecification as(String subject) {
        return json().header("X-Rapport-Principal", subject).header("X-Rapport-Roles", "admin");
    }

    private record Person(String given, String family, String email, String phone, String street) {
        /** A birth date of this person only (a needle of the scan, as the names are). */
        String birthDate() {
            return java.time.LocalDate.of(1901, 1, 1)
                    .plusDays(Math.floorMod(family.hashCode(), 36000))
                    .toString();
        }

        String body() {
            return Api.person(email, phone)
                    .replace("Ada", given)
                    .replace("Lovelace", family)
                    .replace("12 St James's Square", street)
                    .replaceFirst("\\{", "{\"birthDate\":\"" + birthDate() + "\",");
        }

        List<String> values() {
            return List.of(given, family, email, phone, street, phone.substring(3), birthDate());
        }
    }
}
