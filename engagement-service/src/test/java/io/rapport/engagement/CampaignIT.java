package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.engagement.service.CustomerProjectionService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaign economics, why targets were not reached, and the campaign list. */
@QuarkusTest
class CampaignIT {
    private static final String CAMPAIGNS = "/api/v1/engagement/campaigns";

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    CustomerProjectionService projection;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    private static String launch(String channel, List<UUID> targets, String startAt, String expiresAt) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Campaign " + UUID.randomUUID(),
                        "channel",
                        channel,
                        "target",
                        Map.of("kind", "LIST", "customerIds", targets),
                        "startAt",
                        startAt,
                        "expiresAt",
                        expiresAt,
                        "costPerContact",
                        "4.00",
                        "marginPerConversion",
                        "160.00",
                        "currency",
                        "EUR"))
                .post(CAMPAIGNS)
                .then()
                .statusCode(201)
                .extract()
                .path("campaignId");
    }

    private UUID customer(String zone, String channel, boolean consent) {
        return fixtures.customer(zone, "rep-c", Map.of(channel, consent), List.of(channel), null, "0");
    }

    @Test
    void aConversionRecordedBeforeTheCallIsMarkedMadeCountsItsCustomerAsContacted() {
        UUID a = customer("Europe/London", "PHONE", true);
        String campaign = launch("PHONE", List.of(a), "2026-05-04T09:00:00Z", "2026-05-20T17:00:00Z");
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", a, "converted", true))
                .post(CAMPAIGNS + "/{id}/responses", campaign)
                .then()
                .statusCode(200)
                .body("contacted", equalTo(1))
                .body("responses", equalTo(1))
                .body("conversions", equalTo(1))
                .body("responseRate", equalTo("1.0000"))
                .body("breakEvenRate", equalTo("0.0250"))
                .body("totalCost", equalTo("4.00"))
                .body("revenue", equalTo("160.00"))
                .body("net", equalTo("156.00"))
                .body("aboveBreakEven", equalTo(true));
    }

    @Test
    void targetsNotReachedAreCountedByTheRuleThatStoppedThemAndCompletionWithdrawsTheRestWithoutBlockingThem() {
        UUID a = customer("Europe/London", "EMAIL", true);
        UUID b = customer("Europe/London", "EMAIL", true);
        UUID refused = customer("Europe/London", "EMAIL", false);
        UUID doNotContact = UUID.randomUUID();
        projection.snapshot(new CustomerSnapshot(
                doNotContact.toString(),
                "CONSUMER",
                "ACTIVE",
                "en-GB",
                "Europe/London",
                "rep-c",
                null,
                null,
                false,
                Map.of("EMAIL", true),
                true,
                List.of("EMAIL"),
                Instant.parse("2026-01-01T00:00:00Z"),
                1,
                null));
        UUID capped = customer("Europe/London", "EMAIL", true);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        capped,
                        "direction",
                        "OUTBOUND",
                        "kind",
                        "EMAIL",
                        "occurredAt",
                        "2026-05-04T07:00:00Z",
                        "outcome",
                        "SENT"))
                .post("/api/v1/engagement/interactions")
                .then()
                .statusCode(201);
        UUID night = customer("Asia/Tokyo", "EMAIL", true); // 12:00Z is 21:00 in Tokyo, the next slot 08:00 is 23:00Z

        String campaign = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Spring " + UUID.randomUUID(),
                        "channel",
                        "EMAIL",
                        "target",
                        Map.of("kind", "LIST", "customerIds", List.of(a, b, refused, doNotContact, capped, night)),
                        "startAt",
                        "2026-05-04T12:00:00Z",
                        "expiresAt",
                        "2026-05-04T20:00:00Z",
                        "costPerContact",
                        "0.50",
                        "marginPerConversion",
                        "40.00",
                        "currency",
                        "EUR"))
                .post(CAMPAIGNS)
                .then()
                .statusCode(201)
                .body("targeted", equalTo(6))
                .body("scheduled", equalTo(2))
                .body("blocked", equalTo(4))
                .body("blockedBy.CONSENT", equalTo(1))
                .body("blockedBy.DO_NOT_CONTACT", equalTo(1))
                .body("blockedBy.FREQUENCY_CAP", equalTo(1))
                .body("blockedBy.QUIET_HOURS", equalTo(1))
                .body("withdrawn", equalTo(0))
                .extract()
                .path("campaignId");

        given().post(CAMPAIGNS + "/{id}/complete", campaign)
                .then()
                .statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("scheduled", equalTo(0))
                .body("withdrawn", equalTo(2))
                .body("blocked", equalTo(4))
                .body("blockedBy.size()", equalTo(4))
                .body("contacted", equalTo(0));
    }

    @Test
    void campaignsAreListedPagedNewestFirstAndFilteredByStatus() {
        UUID a = customer("Europe/London", "EMAIL", true);
        String active = launch("EMAIL", List.of(a), "2026-05-04T09:00:00Z", "2026-05-20T17:00:00Z");
        clock.set("2026-05-04T08:00:01Z");
        String done = launch("EMAIL", List.of(a), "2026-05-04T09:00:00Z", "2026-05-20T17:00:00Z");
        given().post(CAMPAIGNS + "/{id}/complete", done).then().statusCode(200);

        given().queryParam("size", 200)
                .get(CAMPAIGNS)
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(200))
                .body("total", greaterThanOrEqualTo(2))
                .body("items.id", hasItem(active))
                .body("items.id", hasItem(done));
        given().queryParam("status", "COMPLETED")
                .queryParam("size", 200)
                .get(CAMPAIGNS)
                .then()
                .statusCode(200)
                .body("items.state", everyItem(equalTo("COMPLETED")))
                .body("items.id", hasItem(done))
                .body("items.id", not(hasItem(active)));
        given().queryParam("status", "ACTIVE")
                .queryParam("size", 200)
                .get(CAMPAIGNS)
                .then()
                .statusCode(200)
                .body("items.state", everyItem(equalTo("ACTIVE")))
                .body("items.id", hasItem(active))
                .body("items.id", not(hasItem(done)));
        // newest first: the completed one was created a second later
        given().queryParam("size", 1)
                .queryParam("sort", "createdAt,desc")
                .queryParam("status", "COMPLETED")
                .get(CAMPAIGNS)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1));
        given().queryParam("status", "RUNNING")
                .get(CAMPAIGNS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("size", 0).get(CAMPAIGNS).then().statusCode(400).contentType("application/problem+json");
    }
}
