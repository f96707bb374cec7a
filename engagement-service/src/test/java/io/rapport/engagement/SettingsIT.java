package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pressure rules and the class-to-level mapping edited through the API take effect. */
@QuarkusTest
class SettingsIT {
    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void editedPressureRulesApplyToContactsPlacedAfterwards() {
        clock.set("2026-05-04T08:00:00Z");
        UUID id = fixtures.customer("Europe/London", "PROACTIVE");
        try {
            given().contentType(ContentType.JSON)
                    .body(Map.of("quietHours", "22:30-07:00", "allowWeekends", true, "caps", "PROACTIVE:2/P3D"))
                    .put("/api/v1/engagement/pressure-rules")
                    .then()
                    .statusCode(200)
                    .body("quietHours", equalTo("22:30-07:00"))
                    .body("caps", equalTo("PROACTIVE:2/PT72H"));
            // Saturday 21:00 BST (20:00Z): outside the new quiet hours and weekends allowed
            create(id, "2026-05-09T20:00:00Z").body("dueAt", equalTo("2026-05-09T20:00:00Z"));
            // a second contact the next morning fits the level's own cap of 2 in 3 days
            create(id, "2026-05-10T09:00:00Z").body("dueAt", equalTo("2026-05-10T09:00:00Z"));
        } finally {
            given().contentType(ContentType.JSON)
                    .body(Map.of("quietHours", "20:00-08:00", "allowWeekends", false, "caps", "1/P3D,4/P30D"))
                    .put("/api/v1/engagement/pressure-rules")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aMappingDecidesTheLevelOfAClassInsteadOfTheRecommendation() {
        String scheme = "S" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("level", "REACTIVE"))
                .put("/api/v1/engagement/level-mappings/{scheme}/B", scheme)
                .then()
                .statusCode(200)
                .body("'" + scheme + "/B'", equalTo("REACTIVE"));
        UUID id = fixtures.customer("UTC", null);
        fixtures.segmentChanged(Fixtures.segment(id, scheme, "B", "PROACTIVE", "10"));
        given().get("/api/v1/engagement/customers/{id}/level", id)
                .then()
                .statusCode(200)
                .body("level", equalTo("REACTIVE"))
                .body("levelSource", equalTo("SEGMENT"));
        given().delete("/api/v1/engagement/level-mappings/{scheme}/B", scheme)
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse create(UUID customer, String due) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "PHONE", "purpose", "CHECK_IN", "dueAt", due))
                .post("/api/v1/engagement/contacts")
                .then()
                .statusCode(201);
    }
}
