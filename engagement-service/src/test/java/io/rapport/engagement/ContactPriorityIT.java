package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.PurchaseFact;
import io.rapport.engagement.service.PurchaseScheduling;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service contacts win a slot over marketing when they are planned, not only on a later replanning. */
@QuarkusTest
class ContactPriorityIT {
    private static final String CONTACTS = "/api/v1/engagement/contacts";

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    PurchaseScheduling purchases;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    @Test
    void aSatisfactionCallPlannedIntoAFullCapDisplacesTheMarketingCheckInWithTheReason() {
        UUID id = fixtures.customer("Europe/London", "ACCOUNTABLE");
        String checkIn = create(id, "CHECK_IN", "2026-05-05T10:00:00Z");
        String satisfaction = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        id,
                        "channel",
                        "PHONE",
                        "purpose",
                        "SATISFACTION_CHECK",
                        "dueAt",
                        "2026-05-05T11:00:00Z"))
                .post(CONTACTS)
                .then()
                .statusCode(201)
                .body("dueAt", equalTo("2026-05-05T11:00:00Z"))
                .extract()
                .path("id");

        given().get(CONTACTS + "/{id}", checkIn)
                .then()
                .body("state", equalTo("PLANNED"))
                .body("dueAt", equalTo("2026-05-08T11:00:00Z"));
        given().get("/api/v1/engagement/customers/{id}/contact-adjustments", id)
                .then()
                .statusCode(200)
                .body(
                        "find { it.contactId == '" + checkIn + "' && it.rule == 'PRIORITY' }.reason",
                        containsString(satisfaction));
    }

    @Test
    void aPurchasesSatisfactionCallDisplacesAPlannedCheckInAtPlanningTime() {
        UUID id = fixtures.customer("Europe/London", "ACCOUNTABLE");
        String checkIn = create(id, "CHECK_IN", "2026-05-11T09:00:00Z");
        // bought Monday 4 May 10:00Z: the satisfaction call is requested for Monday 11 May 10:00Z (11:00 in London)
        QuarkusTransaction.requiringNew()
                .run(() -> purchases.schedule(
                        List.of(new PurchaseFact("prio-" + id, id, Instant.parse("2026-05-04T10:00:00Z")))));

        given().queryParam("state", "PLANNED")
                .get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .body("items.find { it.purpose == 'SATISFACTION_CHECK' }.dueAt", equalTo("2026-05-11T10:00:00Z"));
        given().get(CONTACTS + "/{id}", checkIn).then().body("dueAt", equalTo("2026-05-14T10:00:00Z"));
    }

    private static String create(UUID customer, String purpose, String due) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "PHONE", "purpose", purpose, "dueAt", due))
                .post(CONTACTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
