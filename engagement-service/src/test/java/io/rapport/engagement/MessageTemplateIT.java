package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Message templates through the API: CRUD, Qute syntax checked, preview with a customer's real variables. */
@QuarkusTest
class MessageTemplateIT {
    private static final String T = "/api/v1/engagement/message-templates";
    private static final String GENERAL_EN = "00000000-0000-4000-8000-000000000701";

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Test
    void aTemplateIsCreatedReadChangedWithIfMatchAndDeleted() {
        String language = "x" + (char) ('a' + new java.util.Random().nextInt(26));
        String id = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "channel",
                        "EMAIL",
                        "purpose",
                        "CHECK_IN",
                        "language",
                        language,
                        "subject",
                        "{customer.salutation}, hello",
                        "body",
                        "{customer.salutation}\nStop: {unsubscribeUrl}"))
                .post(T)
                .then()
                .statusCode(201)
                .body("version", equalTo(0))
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "channel",
                        "EMAIL",
                        "purpose",
                        "CHECK_IN",
                        "language",
                        language,
                        "subject",
                        "again",
                        "body",
                        "again"))
                .post(T)
                .then()
                .statusCode(409);
        String etag = given().get(T + "/{id}", id)
                .then()
                .statusCode(200)
                .body("language", equalTo(language))
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("subject", "{customer.name}", "body", "changed"))
                .put(T + "/{id}", id)
                .then()
                .statusCode(200)
                .body("body", equalTo("changed"));
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("subject", "x", "body", "stale"))
                .put(T + "/{id}", id)
                .then()
                .statusCode(412);
        given().get(T + "?channel=EMAIL&size=200").then().statusCode(200).body("total", greaterThanOrEqualTo(3));
        given().delete(T + "/{id}", id).then().statusCode(204);
        given().get(T + "/{id}", id).then().statusCode(404);
    }

    @Test
    void badTemplatesAreRefusedWithTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "channel",
                        "EMAIL",
                        "language",
                        "en",
                        "subject",
                        "ok",
                        "body",
                        "{#if customer.name}never closed"))
                .post(T)
                .then()
                .statusCode(422)
                .contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "language", "en", "body", "x"))
                .post(T)
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "EMAIL", "language", "english", "subject", "s", "body", "x"))
                .post(T)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("language"));
        given().delete(T + "/{id}", GENERAL_EN).then().statusCode(409);
    }

    @Test
    void thePreviewRendersTheCustomersNamePreferencesAndRecommendations() {
        clock.set("2026-05-04T12:00:00Z");
        UUID id = fixtures.customer(
                "Europe/London", "rep", Map.of("EMAIL", true), List.of("EMAIL"), "PROACTIVE", "10.00");
        DirectoryStub.customer(id, "Grace", "Hopper", "grace@example.org", null, "en-US");
        DirectoryStub.recommend(id, "lamps", "desks");
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", id))
                .post(T + "/{id}/preview", GENERAL_EN)
                .then()
                .statusCode(200)
                .body("subject", equalTo("Dear Grace Hopper, a word from us"))
                .body("body", containsString("- lamps (with desks)"))
                .body("body", containsString("pillow: long"))
                .body("body", not(containsString("grace@example.org")))
                .body("recipientKnown", equalTo(true));
    }

    @Test
    void withoutANameThePreviewUsesTheDocumentedDefault() {
        UUID id = fixtures.customer(
                "Europe/London", "rep", Map.of("EMAIL", true), List.of("EMAIL"), "PROACTIVE", "10.00");
        DirectoryStub.customer(id, null, null, "anon@example.org", null, null);
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", id))
                .post(T + "/{id}/preview", GENERAL_EN)
                .then()
                .statusCode(200)
                .body("body", containsString("Dear customer,"))
                .body("body", not(containsString("Dear ,")));
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", UUID.randomUUID()))
                .post(T + "/{id}/preview", GENERAL_EN)
                .then()
                .statusCode(404);
    }
}
