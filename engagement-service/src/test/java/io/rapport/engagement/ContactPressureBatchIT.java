package io.rapport.engagement;

import static io.rapport.engagement.AuthorizationMatrixIT.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/engagement/contact-pressure/batch: the pressure of many customers in one call (the console's agenda),
 * on PostgreSQL, under the default rules (quiet hours 20:00-08:00, at most 1 contact in 3 days and 4 in 30 days).
 */
@QuarkusTest
class ContactPressureBatchIT {
    private static final String BATCH = "/api/v1/engagement/contact-pressure/batch";

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    private UUID customer(String zone, String owner) {
        return fixtures.customer(
                zone, owner, Map.of("PHONE", true, "EMAIL", true), List.of("PHONE"), "PROACTIVE", "100");
    }

    private static void contact(String rep, UUID customer, String dueAt) {
        as(rep, "sales")
                .contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "PHONE", "purpose", "CHECK_IN", "dueAt", dueAt))
                .post("/api/v1/engagement/contacts")
                .then()
                .statusCode(201)
                .body("dueAt", equalTo(dueAt));
    }

    private static JsonPath read(String name, String role, Object... ids) {
        return as(name, role)
                .contentType(ContentType.JSON)
                .body(Map.of("customerIds", List.of(ids)))
                .post(BATCH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void capsUsedAndPlannedAndQuietHoursAreReadForManyCustomersAtOnce() {
        UUID berlin = customer("Europe/Berlin", "alice");
        UUID tokyo = customer("Asia/Tokyo", "carl");
        contact("alice", berlin, "2026-05-04T09:00:00Z"); // Monday 11:00 in Berlin
        contact("alice", berlin, "2026-05-20T09:00:00Z"); // a later one, planned
        clock.set("2026-05-04T12:30:00Z"); // Berlin 14:30, Tokyo 21:30 (quiet hours)
        UUID unknown = UUID.randomUUID();

        JsonPath answer = read("mia", "marketing", berlin, tokyo, unknown, berlin);

        assertThat(answer.getString("at")).isEqualTo("2026-05-04T12:30:00Z");
        assertThat(answer.getList("items.customerId")).containsExactly(berlin.toString(), tokyo.toString());
        assertThat(answer.getList("unknown")).containsExactly(unknown.toString());
        assertThat(answer.getList("withheld")).isEmpty();
        assertThat(answer.getString("items[0].localTime")).isEqualTo("14:30");
        assertThat(answer.getBoolean("items[0].quietHoursNow")).isFalse();
        assertThat(answer.getString("items[0].level")).isEqualTo("PROACTIVE");
        List<Map<String, Object>> caps = answer.getList("items[0].caps");
        assertThat(caps)
                .extracting(c -> c.get("cap"), c -> c.get("max"), c -> c.get("used"), c -> c.get("reached"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1/PT72H", 1, 1, true),
                        org.assertj.core.groups.Tuple.tuple("4/PT720H", 4, 1, false));
        assertThat(caps.get(1).get("planned")).isEqualTo(1);
        assertThat(answer.getString("items[1].timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(answer.getBoolean("items[1].quietHoursNow")).isTrue();
        assertThat(answer.getList("items[1].caps.used")).containsOnly(0);
    }

    @Test
    void aSalesRepReadsOnlyItsOwnCustomersAndTheOnesItHasAContactFor() {
        UUID alices = customer("UTC", "alice");
        UUID carls = customer("UTC", "carl");
        UUID bobWorksOn = customer("UTC", "carl");
        contact("bob", bobWorksOn, "2026-05-05T10:00:00Z");
        UUID unknown = UUID.randomUUID();

        JsonPath bob = read("bob", "sales", alices, carls, bobWorksOn, unknown);
        assertThat(bob.getList("items.customerId")).containsExactly(bobWorksOn.toString());
        assertThat(bob.getList("withheld"))
                .as("others' customers and unknown ids look the same")
                .containsExactly(alices.toString(), carls.toString(), unknown.toString());
        assertThat(bob.getList("unknown")).isEmpty();

        JsonPath alice = read("alice", "sales", alices, carls);
        assertThat(alice.getList("items.customerId")).containsExactly(alices.toString());
        JsonPath admin = read("root", "admin", alices, carls);
        assertThat(admin.getList("items.customerId")).containsExactly(alices.toString(), carls.toString());
        JsonPath support = read("sam", "support", alices, carls);
        assertThat(support.getList("items.customerId")).hasSize(2);
    }

    @Test
    void aDataStewardIsRefused() {
        as("dora", "data-steward")
                .contentType(ContentType.JSON)
                .body(Map.of("customerIds", List.of(UUID.randomUUID())))
                .post(BATCH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void noneMoreThanTwoHundredOrAMalformedIdIsAProblemNotA500() {
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(UUID.randomUUID());
        }
        for (Object body : List.of(
                Map.of("customerIds", tooMany),
                Map.of("customerIds", List.of()),
                Map.of(),
                Map.of("customerIds", List.of("not-a-uuid")))) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post(BATCH)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body("{\"customerIds\":[\"<script>\"]}")
                .post(BATCH)
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.not(containsString("<script>")));
        List<UUID> twoHundred = new ArrayList<>(tooMany.subList(0, 200));
        assertThat(given().contentType(ContentType.JSON)
                        .body(Map.of("customerIds", twoHundred))
                        .post(BATCH)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("unknown"))
                .hasSize(200);
    }
}
