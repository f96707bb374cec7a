package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17, defect 17: opening a complaint takes an Idempotency-Key, so a client's retry never opens it twice. */
@QuarkusTest
class ComplaintRetryIT {
    private static final String COMPLAINTS = "/api/v1/engagement/complaints";

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    @Test
    void aRetriedComplaintWithTheSameKeyOpensOneComplaintAndReplaysTheFirstAnswer() {
        UUID id = fixtures.customer("Europe/London", "PROACTIVE");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of(
                "customerId",
                id,
                "channel",
                "PHONE",
                "category",
                "DELIVERY",
                "severity",
                "HIGH",
                "description",
                "parcel damaged");

        Response first = open(key, body);
        first.then().statusCode(201).header("Idempotency-Replayed", nullValue());
        Response retry = open(key, body);
        retry.then()
                .statusCode(201)
                .header("Idempotency-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));

        given().get("/api/v1/engagement/customers/{id}/summary", id)
                .then()
                .statusCode(200)
                .body("openComplaints.size()", equalTo(1))
                .body("openComplaints[0].id", equalTo(first.jsonPath().getString("id")));
    }

    @Test
    void theSameKeyForAnotherComplaintIsRefused() {
        UUID id = fixtures.customer("Europe/London", "PROACTIVE");
        String key = UUID.randomUUID().toString();
        open(
                        key,
                        Map.of(
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
                .then()
                .statusCode(201);
        open(
                        key,
                        Map.of(
                                "customerId",
                                id,
                                "channel",
                                "PHONE",
                                "category",
                                "DELIVERY",
                                "severity",
                                "LOW",
                                "description",
                                "parcel late"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/idempotency-key-reused"));

        given().get("/api/v1/engagement/customers/{id}/summary", id)
                .then()
                .statusCode(200)
                .body("openComplaints.size()", equalTo(1));
    }

    private static Response open(String key, Map<String, Object> body) {
        return given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(COMPLAINTS);
    }
}
