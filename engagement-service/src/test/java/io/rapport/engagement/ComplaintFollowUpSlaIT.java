package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A complaint follow-up is placed within the complaint's SLA, even against quiet hours and weekends. */
@QuarkusTest
class ComplaintFollowUpSlaIT {
    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void aCriticalComplaintInTokyoOpenedFridayAfternoonUtcGetsAFollowUpWithinTheSlaNotAnExpiredOne() {
        clock.set("2026-12-04T14:00:00Z"); // Friday 23:00 in Tokyo
        UUID id = fixtures.customer(
                "Asia/Tokyo", "rep-tokyo", Map.of("PHONE", true), List.of("PHONE"), "ACCOUNTABLE", "500");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        id,
                        "channel",
                        "PHONE",
                        "category",
                        "DELIVERY",
                        "severity",
                        "CRITICAL",
                        "description",
                        "wrong item"))
                .post("/api/v1/engagement/complaints")
                .then()
                .statusCode(201)
                .body("dueAt", equalTo("2026-12-05T14:00:00Z"));

        given().queryParam("state", "PLANNED")
                .get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .body("items.find { it.purpose == 'COMPLAINT_FOLLOW_UP' }.dueAt", equalTo("2026-12-04T23:00:00Z"))
                .body("items.find { it.purpose == 'COMPLAINT_FOLLOW_UP' }.escalatedReason", equalTo(null));
        given().get("/api/v1/engagement/customers/{id}/contact-adjustments", id)
                .then()
                .statusCode(200)
                .body("rule", hasItem("SERVICE_SLA"))
                .body("outcome", org.hamcrest.Matchers.not(hasItem("EXPIRED")))
                .body("find { it.rule == 'SERVICE_SLA' }.reason", containsString("weekend is waived"));
    }
}
