package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open complaints queue is a platform Page: {items, page, size, total}, with page and size honoured. */
@QuarkusTest
class ComplaintQueueIT {
    private static final String COMPLAINTS = "/api/v1/engagement/complaints";

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    private static String open(UUID customer, String severity) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "EMAIL", "category", "DELIVERY", "severity", severity))
                .post(COMPLAINTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theQueueIsPagedWithPageAndSizeAndItsTotal() {
        String owner = "rep-q-" + UUID.randomUUID();
        UUID customer = fixtures.customer("UTC", owner, Map.of("EMAIL", true), List.of("EMAIL"), null, "0");
        String critical = open(customer, "CRITICAL"); // due first
        String high = open(customer, "HIGH");
        String low = open(customer, "LOW");

        given().queryParam("assignee", owner)
                .queryParam("size", 2)
                .get(COMPLAINTS)
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(3))
                .body("items.id", contains(critical, high));
        given().queryParam("assignee", owner)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get(COMPLAINTS)
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("total", equalTo(3))
                .body("items.id", contains(low));
        given().queryParam("assignee", owner)
                .queryParam("sort", "dueAt,desc")
                .get(COMPLAINTS)
                .then()
                .statusCode(200)
                .body("size", equalTo(20))
                .body("items.id", contains(low, high, critical));
        given().queryParam("assignee", owner)
                .queryParam("page", 5)
                .get(COMPLAINTS)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(3));
    }

    @Test
    void aSizeOutOfBoundsOrAnUnknownSortIsABadRequest() {
        given().queryParam("size", 0)
                .get(COMPLAINTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().queryParam("size", 201).get(COMPLAINTS).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("sort", "description")
                .get(COMPLAINTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
    }
}
