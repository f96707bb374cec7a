package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MergeErasureApiIT {
    /** Every table of customer-service that could hold personal data (the outbox is checked separately). */
    private static final List<String> CUSTOMER_TABLES = List.of(
            "customer",
            "customer_contact_point",
            "customer_external_id",
            "customer_tag",
            "customer_consent",
            "customer_consent_history",
            "customer_preference",
            "customer_merge",
            "idempotency_key",
            "purchase",
            "purchase_line",
            "refund",
            "refund_line",
            "cost_entry");

    @Inject
    AgroalDataSource ds;

    @Test
    void mergeMovesEverythingToTheSurvivorAndPublishesTheMergedEvent() {
        String survivorEmail = Api.uniqueEmail();
        String mergedEmail = Api.uniqueEmail();
        String mergedPhone = Api.uniquePhone();
        String survivor = Api.create(Api.person(survivorEmail, Api.uniquePhone()));
        String merged = Api.create(Api.person(mergedEmail, mergedPhone)
                .replace("\"vip\"", "\"golfer\"")
                .replace(
                        "\"channelPreference\"",
                        "\"externalIds\":[{\"system\":\"shop\",\"id\":\"M-" + System.nanoTime()
                                + "\"}],\"channelPreference\""));
        String order = "SO-" + System.nanoTime();
        json().body(Api.purchase(order, 1, "10.00"))
                .post("/api/v1/customers/" + merged + "/purchases")
                .then()
                .statusCode(201);
        json().body("{\"type\":\"SHIPPING\",\"amount\":\"4.00\",\"currency\":\"EUR\"}")
                .post("/api/v1/customers/" + merged + "/costs")
                .then()
                .statusCode(201);
        consent(survivor, "EMAIL", false, "2026-01-01T00:00:00Z");
        consent(merged, "EMAIL", true, "2026-02-01T00:00:00Z");
        consent(survivor, "SMS", true, "2026-03-01T00:00:00Z");
        consent(merged, "SMS", false, "2026-01-15T00:00:00Z");
        pref(survivor, "room", "pillow", "soft");
        pref(merged, "room", "pillow", "long");
        pref(merged, "drinks", "water", "still");

        json().header("X-Rapport-Principal", "agent-9")
                .body("{\"mergedId\":\"" + merged + "\",\"reason\":\"same person\"}")
                .post("/api/v1/customers/" + survivor + "/merge")
                .then()
                .statusCode(200)
                .body("emails.value", containsInAnyOrder(survivorEmail, mergedEmail))
                .body("emails.findAll { it.primary }", hasSize(1))
                .body("externalIds", hasSize(1))
                .body("tags", containsInAnyOrder("vip", "golfer", "newsletter"))
                .body("consents.find { it.channel == 'EMAIL' }.granted", equalTo(true))
                .body("consents.find { it.channel == 'SMS' }.granted", equalTo(true))
                .body("preferences.find { it.key == 'pillow' }.value", equalTo("long"))
                .body("preferences", hasSize(2));

        json().get("/api/v1/customers/" + survivor + "/purchases")
                .then()
                .body("total", equalTo(1))
                .body("items[0].orderId", equalTo(order));
        json().get("/api/v1/customers/" + survivor + "/costs").then().body("total", equalTo(1));
        json().get("/api/v1/customers/" + merged)
                .then()
                .statusCode(200)
                .body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(survivor))
                .body("merge.mergedBy", equalTo("agent-9"))
                .body("merge.reason", equalTo("same person"));
        json().queryParam("email", mergedEmail)
                .get("/api/v1/customers/lookup")
                .then()
                .body("id", equalTo(survivor));
        assertThat(Db.events(ds, merged, "rapport.customer.merged.v1")).isEqualTo(1);

        json().body(Api.purchase(order, 1, "10.00"))
                .post("/api/v1/customers/" + merged + "/purchases")
                .then()
                .statusCode(200);
        json().body(Api.person(Api.uniqueEmail(), Api.uniquePhone()))
                .put("/api/v1/customers/" + merged)
                .then()
                .statusCode(409)
                .body("context.survivorId", equalTo(survivor));
        json().body("{\"mergedId\":\"" + survivor + "\",\"reason\":\"again\"}")
                .post("/api/v1/customers/" + merged + "/merge")
                .then()
                .statusCode(409);
        json().body("{\"mergedId\":\"" + survivor + "\",\"reason\":\"self\"}")
                .post("/api/v1/customers/" + survivor + "/merge")
                .then()
                .statusCode(422);
    }

    @Test
    void erasureLeavesNoPersonalDataInTheCustomerTables() {
        String email = Api.uniqueEmail();
        String phone = Api.uniquePhone();
        String family = "Zyxwhatley" + System.nanoTime();
        String ext = "ERASE-" + System.nanoTime();
        String given = "Qwerlina" + System.nanoTime();
        String street = "Erasure Lane " + System.nanoTime();
        String id = Api.create(Api.person(email, phone)
                .replace("Lovelace", family)
                .replace("Ada", given)
                .replace("12 St James's Square", street)
                .replace(
                        "\"channelPreference\"",
                        "\"externalIds\":[{\"system\":\"shop\",\"id\":\"" + ext + "\"}],\"channelPreference\""));
        json().body(Api.purchase("SO-" + System.nanoTime(), 1, "10.00"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201);
        consent(id, "EMAIL", true, "2026-01-01T00:00:00Z");
        pref(id, "room", "pillow", "long-" + family);
        json().body("{\"type\":\"SERVICE_CALL\",\"amount\":\"4.00\",\"currency\":\"EUR\",\"note\":\"called " + family
                        + "\"}")
                .post("/api/v1/customers/" + id + "/costs")
                .then()
                .statusCode(201);

        json().post("/api/v1/customers/" + id + "/erasure").then().statusCode(204);

        for (String needle : List.of(email, phone, family, ext, given, street)) {
            for (String table : CUSTOMER_TABLES) {
                assertThat(Db.count(
                                ds, "select count(*) from " + table + " t where t::text ilike ?", "%" + needle + "%"))
                        .as("%s in %s", needle, table)
                        .isZero();
            }
        }
        json().get("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ERASED"))
                .body("emails", hasSize(0))
                .body("preferences", hasSize(0));
        json().get("/api/v1/customers/" + id + "/purchases").then().body("total", equalTo(1));
        assertThat(Db.events(ds, id, "rapport.customer.erased.v1")).isEqualTo(1);
        json().post("/api/v1/customers/" + id + "/erasure").then().statusCode(409);
        json().queryParam("email", email).get("/api/v1/customers/lookup").then().statusCode(404);
        json().body(Api.person(email, phone)).post("/api/v1/customers").then().statusCode(201);
    }

    @Test
    void inactiveCustomersBecomeDormantAndComeBackWithActivity() {
        String id = Api.createPerson();
        Db.update(
                ds,
                "update customer set last_activity_at = now() - interval '19 months', created_at = now() - interval '3 years'"
                        + " where id = ?",
                UUID.fromString(id));
        json().post("/api/v1/customers/hygiene/dormancy-runs").then().statusCode(200);
        json().get("/api/v1/customers/" + id).then().body("status", equalTo("DORMANT"));
        assertThat(Db.events(ds, id, "rapport.customer.status-changed.v1")).isEqualTo(1);
        json().post("/api/v1/customers/hygiene/dormancy-runs").then().statusCode(200);
        assertThat(Db.events(ds, id, "rapport.customer.status-changed.v1")).isEqualTo(1);
        json().body(Api.purchase("SO-" + System.nanoTime(), 1, "10.00"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201);
        json().get("/api/v1/customers/" + id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void concurrentDormancyRunsMarkEachCustomerOnce() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(Api.createPerson());
        }
        for (String id : ids) {
            Db.update(
                    ds,
                    "update customer set last_activity_at = now() - interval '2 years' where id = ?",
                    UUID.fromString(id));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> json().post("/api/v1/customers/hygiene/dormancy-runs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("markedDormant")));
            }
            int marked = 0;
            for (var run : runs) {
                marked += run.get();
            }
            assertThat(marked).isGreaterThanOrEqualTo(ids.size());
        } finally {
            pool.shutdown();
        }
        for (String id : ids) {
            json().get("/api/v1/customers/" + id).then().body("status", equalTo("DORMANT"));
            assertThat(Db.events(ds, id, "rapport.customer.status-changed.v1"))
                    .as(id)
                    .isEqualTo(1);
        }
    }

    @Test
    void staleRecordsAreListedUntilVerifiedAndCanBeArchived() {
        String id = Api.createPerson();
        Db.update(
                ds, "update customer set created_at = now() - interval '13 months' where id = ?", UUID.fromString(id));
        assertThat(json().queryParam("size", 200)
                        .get("/api/v1/customers/stale")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<String>>path("items.id"))
                .contains(id);
        json().post("/api/v1/customers/" + id + "/verify").then().statusCode(200);
        assertThat(json().queryParam("size", 200)
                        .get("/api/v1/customers/stale")
                        .then()
                        .extract()
                        .<List<String>>path("items.id"))
                .doesNotContain(id);
        json().body("{\"reason\":\"moved abroad\"}")
                .post("/api/v1/customers/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("status", equalTo("ARCHIVED"));
        json().queryParam("status", "ARCHIVED")
                .queryParam("size", 200)
                .get("/api/v1/customers")
                .then()
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    /**
     * One precedence rule for consents (service/ConsentStore): a decision taken at the same moment as the current one
     * replaces it, on one record and when a merge brings the merged record's decision to the survivor alike.
     */
    @Test
    void aMergedConsentDecidedAtTheSameMomentAsTheSurvivorsWinsAsAnyLaterAppliedDecision() {
        String at = "2026-02-01T12:00:00Z";
        String alone = Api.createPerson();
        consent(alone, "EMAIL", true, at);
        consent(alone, "EMAIL", false, at);
        json().get("/api/v1/customers/" + alone + "/consents")
                .then()
                .statusCode(200)
                .body("consents.find { it.channel == 'EMAIL' }.granted", equalTo(false));

        String survivor = Api.createPerson();
        String merged = Api.createPerson();
        consent(survivor, "EMAIL", true, at);
        consent(merged, "EMAIL", false, at);
        consent(survivor, "SMS", false, "2026-01-01T00:00:00Z");
        consent(merged, "SMS", true, "2025-12-31T23:59:59Z");
        json().body("{\"mergedId\":\"" + merged + "\",\"reason\":\"same person\"}")
                .post("/api/v1/customers/" + survivor + "/merge")
                .then()
                .statusCode(200)
                .body("consents.find { it.channel == 'EMAIL' }.granted", equalTo(false))
                .body("consents.find { it.channel == 'SMS' }.granted", equalTo(false))
                .body("consents", hasSize(2));
        assertThat(Db.count(ds, "select count(*) from customer_consent where customer_id = ?", UUID.fromString(merged)))
                .isZero();
    }

    private static void consent(String id, String channel, boolean granted, String at) {
        json().body("{\"granted\":" + granted + ",\"source\":\"test\",\"occurredAt\":\"" + at + "\"}")
                .put("/api/v1/customers/" + id + "/consents/" + channel)
                .then()
                .statusCode(200);
    }

    private static void pref(String id, String category, String key, String value) {
        json().body("{\"value\":\"" + value + "\"}")
                .put("/api/v1/customers/" + id + "/preferences/" + category + "/" + key)
                .then()
                .statusCode(200);
    }
}
