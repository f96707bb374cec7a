package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.engagement.service.ComplaintService;
import io.rapport.engagement.service.ContactDispatcher;
import io.rapport.engagement.service.CustomerProjectionService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merges, erasure, complaint escalation and campaigns. */
@QuarkusTest
class CustomerLifecycleIT {
    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    CustomerProjectionService projection;

    @Inject
    ComplaintService complaints;

    @Inject
    ContactDispatcher dispatcher;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    @Test
    void aMergeMovesContactsAndComplaintsToTheSurvivorAndErasureRemovesNotes() {
        UUID survivor = fixtures.customer("Europe/London", "PROACTIVE");
        UUID merged = fixtures.customer("Europe/London", "PROACTIVE");
        String contact = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        merged,
                        "channel",
                        "PHONE",
                        "purpose",
                        "CHECK_IN",
                        "dueAt",
                        "2026-05-06T10:00:00Z",
                        "notes",
                        "call about the new kitchen"))
                .post("/api/v1/engagement/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        merged,
                        "direction",
                        "INBOUND",
                        "kind",
                        "CALL",
                        "outcome",
                        "QUOTE",
                        "notes",
                        "wants 20 units",
                        "opportunity",
                        true,
                        "estimatedValue",
                        "2400.00",
                        "currency",
                        "EUR"))
                .post("/api/v1/engagement/interactions")
                .then()
                .statusCode(201)
                .body("opportunity", equalTo(true));

        projection.merged(new CustomerMerged(survivor.toString(), merged.toString(), "alice", Instant.now()));

        given().get("/api/v1/engagement/contacts/{id}", contact)
                .then()
                .body("customerId", equalTo(survivor.toString()));
        given().get("/api/v1/engagement/customers/{id}/summary", merged).then().statusCode(410);
        given().queryParam("customerId", survivor)
                .get("/api/v1/engagement/interactions")
                .then()
                .statusCode(200)
                .body("items.notes", hasItem("wants 20 units"));

        projection.erased(survivor);
        given().get("/api/v1/engagement/contacts/{id}", contact)
                .then()
                .body("notes", nullValue())
                .body("state", equalTo("CANCELLED"));
        given().queryParam("customerId", survivor)
                .get("/api/v1/engagement/interactions")
                .then()
                .body("items[0].notes", nullValue());
    }

    @Test
    void anOverdueComplaintIsEscalatedTopCustomersFirst() {
        UUID top = fixtures.customer("UTC", "rep-t", Map.of("PHONE", true), List.of("PHONE"), null, "0");
        fixtures.customer("UTC", "PROACTIVE");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("customerId", top, "channel", "EMAIL", "category", "BILLING", "severity", "CRITICAL"))
                .post("/api/v1/engagement/complaints")
                .then()
                .statusCode(201)
                .body("dueAt", equalTo("2026-05-05T08:00:00Z"))
                .extract()
                .path("id");
        clock.set("2026-05-05T09:00:00Z");
        assertThat(complaints.escalateOverdue()).isGreaterThanOrEqualTo(1);
        given().queryParam("escalated", true)
                .queryParam("size", 200)
                .get("/api/v1/engagement/complaints")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().get("/api/v1/engagement/complaints/{id}", id).then().body("escalated", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(Map.of("resolution", "refunded", "satisfaction", 3))
                .post("/api/v1/engagement/complaints/{id}/resolve", id)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "charged again"))
                .post("/api/v1/engagement/complaints/{id}/reopen", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("reopenCount", equalTo(1))
                .body("escalated", equalTo(false));
    }

    @Test
    void aCampaignReportsItsResponseRateAgainstTheBreakEvenRate() {
        String label = "C" + UUID.randomUUID().toString().substring(0, 8);
        UUID a = fixtures.customer("Europe/London", "rep-c", Map.of("EMAIL", true), List.of("EMAIL"), null, "0");
        UUID b = fixtures.customer("Europe/London", "rep-c", Map.of("EMAIL", true), List.of("EMAIL"), null, "0");
        UUID refused = fixtures.customer("Europe/London", "rep-c", Map.of("EMAIL", false), List.of("EMAIL"), null, "0");
        String campaign = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Opinion " + label,
                        "channel",
                        "EMAIL",
                        "target",
                        Map.of("kind", "LIST", "customerIds", List.of(a, b, refused)),
                        "startAt",
                        "2026-05-04T09:00:00Z",
                        "expiresAt",
                        "2026-05-20T17:00:00Z",
                        "costPerContact",
                        "4.00",
                        "marginPerConversion",
                        "160.00",
                        "currency",
                        "EUR"))
                .post("/api/v1/engagement/campaigns")
                .then()
                .statusCode(201)
                .body("targeted", equalTo(3))
                .body("scheduled", equalTo(2))
                .body("blocked", equalTo(1))
                .extract()
                .path("campaignId");
        clock.set("2026-05-04T10:00:00Z");
        dispatcher.runUntilDone("test");
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", a, "converted", true))
                .post("/api/v1/engagement/campaigns/{id}/responses", campaign)
                .then()
                .statusCode(200);
        given().post("/api/v1/engagement/campaigns/{id}/complete", campaign)
                .then()
                .statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("contacted", equalTo(2))
                .body("responses", equalTo(1))
                .body("conversions", equalTo(1))
                .body("responseRate", org.hamcrest.Matchers.startsWith("0.5"))
                .body("breakEvenRate", org.hamcrest.Matchers.startsWith("0.025"))
                .body("aboveBreakEven", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", UUID.randomUUID(), "converted", false))
                .post("/api/v1/engagement/campaigns/{id}/responses", campaign)
                .then()
                .statusCode(422);
    }
}
