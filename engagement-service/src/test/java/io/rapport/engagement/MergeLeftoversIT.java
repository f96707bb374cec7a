package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.engagement.service.CustomerProjectionService;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a merge leaves: one open check-in per plan for the survivor, and the merged id pointing to the survivor. */
@QuarkusTest
class MergeLeftoversIT {
    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    CustomerProjectionService projection;

    @Test
    void theSurvivorOfAMergeKeepsOneNinetyDayCheckInNotTwo() {
        clock.set("2026-05-04T08:00:00Z");
        UUID survivor = fixtures.customer("Europe/London", "PROACTIVE");
        UUID merged = fixtures.customer("Europe/London", "PROACTIVE");
        assertThat(checkIns(survivor)).hasSize(1);
        assertThat(checkIns(merged)).hasSize(1);

        projection.merged(new CustomerMerged(survivor.toString(), merged.toString(), "alice", Instant.now()));

        assertThat(checkIns(survivor)).hasSize(1);
        given().queryParam("state", "CANCELLED")
                .get("/api/v1/engagement/customers/{id}/contacts", survivor)
                .then()
                .statusCode(200)
                .body("items.find { it.purpose == 'CHECK_IN' }.outcome", containsString("MERGED"));
    }

    @Test
    void aMergedIdAnswers410GoneNamingTheSurvivor() {
        clock.set("2026-05-04T08:00:00Z");
        UUID survivor = fixtures.customer("Europe/London", "ACCOUNTABLE");
        UUID merged = fixtures.customer("Europe/London", "ACCOUNTABLE");
        projection.merged(new CustomerMerged(survivor.toString(), merged.toString(), "alice", Instant.now()));

        for (String path : List.of("/summary", "/level", "/contacts", "/level/history")) {
            given().get("/api/v1/engagement/customers/{id}" + path, merged)
                    .then()
                    .statusCode(410)
                    .contentType("application/problem+json")
                    .body("type", containsString("customer-merged"))
                    .body("context.mergedInto", equalTo(survivor.toString()));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        merged,
                        "channel",
                        "PHONE",
                        "purpose",
                        "CHECK_IN",
                        "dueAt",
                        "2026-05-06T10:00:00Z"))
                .post("/api/v1/engagement/contacts")
                .then()
                .statusCode(410)
                .body("context.mergedInto", equalTo(survivor.toString()));
        given().get("/api/v1/engagement/customers/{id}/summary", survivor)
                .then()
                .statusCode(200);
        given().get("/api/v1/engagement/customers/{id}/summary", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    private static List<Object> checkIns(UUID id) {
        JsonPath page = given().queryParam("state", "PLANNED")
                .get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.getList("items.findAll { it.purpose == 'CHECK_IN' }");
    }
}
