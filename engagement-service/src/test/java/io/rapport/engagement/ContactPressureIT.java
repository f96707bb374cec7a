package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.ConsentChanged;
import io.rapport.engagement.service.CustomerProjectionService;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pressure rules applied to stored contacts, through the HTTP API. */
@QuarkusTest
class ContactPressureIT {
    private static final String CONTACTS = "/api/v1/engagement/contacts";

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

    @Test
    void aSecondContactInsideThreeDaysIsPostponedWithTheReason() {
        UUID id = fixtures.customer("Europe/London", "PROACTIVE");
        JsonPath first = create(id, "PHONE", "CHECK_IN", "2026-05-05T10:00:00Z")
                .extract()
                .jsonPath();
        assertThat(first.getString("dueAt")).isEqualTo("2026-05-05T10:00:00Z");

        JsonPath second = create(id, "EMAIL", "CHECK_IN", "2026-05-06T10:00:00Z")
                .extract()
                .jsonPath();
        assertThat(second.getString("state")).isEqualTo("PLANNED");
        assertThat(second.getString("dueAt")).isEqualTo("2026-05-08T10:00:00Z");

        given().get("/api/v1/engagement/customers/{id}/contact-adjustments", id)
                .then()
                .statusCode(200)
                .body("[0].contactId", equalTo(second.getString("id")))
                .body("[0].rule", equalTo("FREQUENCY_CAP"))
                .body("[0].reason", containsString("at most 1 outbound contact in 3 days"))
                .body("[0].placedAt", equalTo("2026-05-08T10:00:00Z"));
    }

    @Test
    void quietHoursHoldAcrossTheDaylightSavingChange() {
        clock.set("2026-03-27T12:00:00Z");
        UUID id = fixtures.customer("Europe/London", "PROACTIVE");
        // Saturday 28 March 21:00 GMT; the clocks go forward on Sunday; Monday 08:00 BST is 07:00Z
        create(id, "PHONE", "CHECK_IN", "2026-03-28T21:00:00Z").body("dueAt", equalTo("2026-03-30T07:00:00Z"));
        clock.set("2026-10-23T12:00:00Z");
        UUID autumn = fixtures.customer("Europe/London", "PROACTIVE");
        // Friday 23 October 19:30 BST is allowed; Friday 20:30 BST moves to Monday 26 October 08:00 GMT = 08:00Z
        create(autumn, "PHONE", "CHECK_IN", "2026-10-23T19:30:00Z").body("dueAt", equalTo("2026-10-26T08:00:00Z"));
    }

    @Test
    void withdrawnConsentMovesPendingContactsToAnotherConsentedChannelOrCancelsThem() {
        UUID both = fixtures.customer(
                "Europe/London",
                "rep-x",
                Map.of("EMAIL", true, "SMS", true),
                List.of("EMAIL", "SMS"),
                "REACTIVE",
                "10");
        String moved = create(both, "EMAIL", "CONTACT_US", "2026-05-05T10:00:00Z")
                .extract()
                .path("id");
        UUID emailOnly =
                fixtures.customer("Europe/London", "rep-x", Map.of("EMAIL", true), List.of("EMAIL"), "REACTIVE", "10");
        String cancelled = create(emailOnly, "EMAIL", "CONTACT_US", "2026-05-05T10:00:00Z")
                .extract()
                .path("id");

        withdrawEmail(both, Map.of("EMAIL", false, "SMS", true));
        withdrawEmail(emailOnly, Map.of("EMAIL", false));

        given().get(CONTACTS + "/{id}", moved)
                .then()
                .statusCode(200)
                .body("channel", equalTo("SMS"))
                .body("state", equalTo("PLANNED"));
        given().get(CONTACTS + "/{id}", cancelled)
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("outcome", containsString("CONSENT"));
        given().get("/api/v1/engagement/customers/{id}/contact-adjustments", emailOnly)
                .then()
                .body("rule", hasItem("CONSENT"));
    }

    @Test
    void withdrawnConsentMovesAPlannedContactToThePreferredChannelThatConsentAllowsImplicitly() {
        // PHONE was neither granted nor refused: allowed implicitly (PreferredChannel), so the contact moves there
        UUID id = fixtures.customer(
                "Europe/London", "rep-y", Map.of("EMAIL", true), List.of("EMAIL", "PHONE"), "REACTIVE", "10");
        String contact = create(id, "EMAIL", "CONTACT_US", "2026-05-05T10:00:00Z")
                .extract()
                .path("id");

        withdrawEmail(id, Map.of("EMAIL", false));

        given().get(CONTACTS + "/{id}", contact)
                .then()
                .statusCode(200)
                .body("channel", equalTo("PHONE"))
                .body("state", equalTo("PLANNED"));
    }

    @Test
    void anOpenComplaintPausesACheckInButNotTheComplaintFollowUpAndResolvingResumesIt() {
        UUID id = fixtures.customer("Europe/London", "PROACTIVE");
        String checkIn = create(id, "PHONE", "CHECK_IN", "2026-05-12T10:00:00Z")
                .extract()
                .path("id");

        String complaint = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        id,
                        "channel",
                        "PHONE",
                        "category",
                        "DELIVERY",
                        "severity",
                        "HIGH",
                        "description",
                        "parcel damaged"))
                .post("/api/v1/engagement/complaints")
                .then()
                .statusCode(201)
                .body("dueAt", equalTo("2026-05-06T08:00:00Z"))
                .extract()
                .path("id");

        given().get(CONTACTS + "/{id}", checkIn)
                .then()
                .body("state", equalTo("PLANNED"))
                .body("pausedReason", containsString("COMPLAINT_OPEN"));
        JsonPath summary = given().get("/api/v1/engagement/customers/{id}/summary", id)
                .then()
                .statusCode(200)
                .body("openComplaints[0].id", equalTo(complaint))
                .extract()
                .jsonPath();
        Map<String, Object> followUp = summary.getMap("nextContacts.find { it.purpose == 'COMPLAINT_FOLLOW_UP' }");
        assertThat(followUp).containsEntry("state", "PLANNED").containsEntry("pausedReason", null);
        // a new check-in while the complaint is open waits too
        create(id, "PHONE", "CHECK_IN", "2026-05-20T10:00:00Z").body("pausedReason", notNullValue());

        given().contentType(ContentType.JSON)
                .body(Map.of("resolution", "replacement sent", "satisfaction", 4))
                .post("/api/v1/engagement/complaints/{id}/resolve", complaint)
                .then()
                .statusCode(200)
                .body("state", equalTo("RESOLVED"));
        given().get(CONTACTS + "/{id}", checkIn)
                .then()
                .body("pausedReason", nullValue())
                .body("state", equalTo("PLANNED"));
    }

    @Test
    void aRepsAgendaListsDueAndOverdueContactsMostValuableFirst() {
        String rep = "agenda-" + UUID.randomUUID();
        UUID small = fixtures.customer("UTC", rep, Map.of("PHONE", true), List.of("PHONE"), "PROACTIVE", "10");
        UUID big = fixtures.customer("UTC", rep, Map.of("PHONE", true), List.of("PHONE"), "PROACTIVE", "9000");
        create(small, "PHONE", "CHECK_IN", "2026-05-04T09:00:00Z");
        create(big, "PHONE", "CHECK_IN", "2026-05-04T15:00:00Z");
        create(big, "PHONE", "CHECK_IN", "2026-05-20T15:00:00Z"); // another day: not on today's agenda
        clock.set("2026-05-04T16:00:00Z");
        given().queryParam("assignee", rep)
                .queryParam("date", "2026-05-04")
                .get(CONTACTS + "/agenda")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].customerId", equalTo(big.toString()))
                .body("items[1].customerId", equalTo(small.toString()));
    }

    @Test
    void badInputIsAProblemNeverA500() {
        UUID id = fixtures.customer("Europe/London", "PROACTIVE");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId", id, "channel", "PHONE", "purpose", "CHECK_IN", "dueAt", "2026-05-01T10:00:00Z"))
                .post(CONTACTS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("due-in-past"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        UUID.randomUUID(),
                        "channel",
                        "PHONE",
                        "purpose",
                        "CHECK_IN",
                        "dueAt",
                        "2026-05-10T10:00:00Z"))
                .post(CONTACTS)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("level", "GOLD", "reason", "x"))
                .put("/api/v1/engagement/customers/{id}/level", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("level"));
        given().contentType(ContentType.JSON)
                .body(Map.of("quietHours", "8pm-8am", "allowWeekends", false, "caps", "1/P3D"))
                .put("/api/v1/engagement/pressure-rules")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("quietHours"));
        given().get("/api/v1/engagement/customers/{id}/summary", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId", id, "channel", "FAX", "purpose", "CHECK_IN", "dueAt", "2026-05-10T10:00:00Z"))
                .post(CONTACTS)
                .then()
                .statusCode(400)
                .body("detail", containsString("channel"));
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstContactAndAnOverrideKeepsHistory() {
        UUID id = fixtures.customer("Europe/London", "ACCOUNTABLE");
        String key = UUID.randomUUID().toString();
        String first = given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId", id, "channel", "PHONE", "purpose", "CHECK_IN", "dueAt", "2026-05-05T10:00:00Z"))
                .post(CONTACTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId", id, "channel", "PHONE", "purpose", "CHECK_IN", "dueAt", "2026-05-05T10:00:00Z"))
                .post(CONTACTS)
                .then()
                .statusCode(201)
                .body("id", equalTo(first));

        given().header("X-Rapport-Principal", "manager-1")
                .contentType(ContentType.JSON)
                .body(Map.of("level", "PARTNERSHIP", "reason", "strategic account"))
                .put("/api/v1/engagement/customers/{id}/level", id)
                .then()
                .statusCode(200)
                .body("level", equalTo("PARTNERSHIP"))
                .body("levelSource", equalTo("OVERRIDE"));
        given().get("/api/v1/engagement/customers/{id}/level/history", id)
                .then()
                .statusCode(200)
                .body("[0].toLevel", equalTo("PARTNERSHIP"))
                .body("[0].changedBy", equalTo("manager-1"))
                .body("[0].reason", equalTo("strategic account"))
                .body("[1].toLevel", equalTo("ACCOUNTABLE"));
        // the partnership plan starts its account-manager review cycle
        given().queryParam("state", "PLANNED")
                .get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .body("items.purpose", hasItem("REVIEW"));
    }

    private void withdrawEmail(UUID id, Map<String, Boolean> consents) {
        projection.consentChanged(new ConsentChanged(
                id.toString(), "EMAIL", false, Instant.parse("2026-05-04T08:00:00Z"), false, consents));
    }

    private static io.restassured.response.ValidatableResponse create(
            UUID customer, String channel, String purpose, String due) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", channel, "purpose", purpose, "dueAt", due))
                .post(CONTACTS)
                .then()
                .statusCode(201);
    }
}
