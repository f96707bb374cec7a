package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A level's reason follows the customer's current classes, even when a reclassification keeps the level. */
@QuarkusTest
class LevelReasonIT {
    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void aReclassificationThatKeepsTheLevelRecomputesTheReasonFromTheCurrentClass() {
        clock.set("2026-05-04T08:00:00Z");
        UUID id = fixtures.customer("Europe/London", "rep-r", Map.of("PHONE", true), List.of("PHONE"), null, null);
        fixtures.segmentChanged(Fixtures.segment(id, "ABC", "B", "ACCOUNTABLE", "500"));
        given().get("/api/v1/engagement/customers/{id}/level", id)
                .then()
                .statusCode(200)
                .body("reason", equalTo("ABC B (recommends ACCOUNTABLE)"));

        fixtures.segmentChanged(Fixtures.segment(id, "ABC", "A", "ACCOUNTABLE", "900"));

        given().get("/api/v1/engagement/customers/{id}/level", id)
                .then()
                .statusCode(200)
                .body("level", equalTo("ACCOUNTABLE"))
                .body("reason", equalTo("ABC A (recommends ACCOUNTABLE)"))
                .body("reason", not(containsString("ABC B")));
    }
}
