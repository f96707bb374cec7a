package io.rapport.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.segmentation.TestData;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Policy changes are in segmentation's audit trail with who made them and the rules before and after. */
@QuarkusTest
class PolicyAuditIT {
    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void policyVersionsAndActivationsAreAudited() {
        String mia = "mia-" + System.nanoTime();
        given().contentType(ContentType.JSON)
                .header("X-Rapport-Principal", mia)
                .header("X-Rapport-Roles", "marketing")
                .header("X-Request-Id", "req-policy-1")
                .body("{\"scheme\":\"ABC\",\"abc\":{\"metric\":\"SCORE\",\"weights\":{\"REVENUE\":0.6,\"TENURE\":0.4},"
                        + "\"method\":\"RANK_PERCENTILE\"}}")
                .post("/api/v1/segments/policies")
                .then()
                .statusCode(201);
        given().header("X-Rapport-Principal", mia)
                .header("X-Rapport-Roles", "marketing")
                .post("/api/v1/segments/policies/ABC/versions/1/activate")
                .then()
                .statusCode(200);

        given().header("X-Rapport-Principal", "ada")
                .header("X-Rapport-Roles", "admin")
                .queryParam("actor", mia)
                .get("/api/v1/segments/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].action", equalTo("ACTIVATE"))
                .body("items[0].before.activeVersion", equalTo(2))
                .body("items[0].after.activeVersion", equalTo(1))
                .body("items[1].action", equalTo("CREATE"))
                .body("items[1].entity", equalTo("policy"))
                .body("items[1].entityId", equalTo("ABC:2"))
                .body("items[1].requestId", equalTo("req-policy-1"))
                .body("items[1].actorRoles[0]", equalTo("marketing"))
                .body("items[1].before.activeVersion", equalTo(1))
                .body("items[1].after.activeVersion", equalTo(2))
                .body("items[1].after.rules.metric", equalTo("SCORE"))
                .body("items[1].service", equalTo("segmentation-service"));
        given().header("X-Rapport-Principal", mia)
                .header("X-Rapport-Roles", "marketing")
                .get("/api/v1/segments/audit")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
