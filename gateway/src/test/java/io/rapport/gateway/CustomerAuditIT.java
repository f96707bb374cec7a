package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.Stubs;
import io.rapport.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

/** GET /api/v1/customers/{id}/audit: the gateway merges every service's trail of the customer, newest first, paged. */
@QuarkusTest
class CustomerAuditIT {
    private static final String ID = "3f0c6f1e-9a52-4c3b-8d0a-2f7e5b1c9d44";

    @Test
    void mergesEveryServicesTrailNewestFirstAndPages() {
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .queryParam("size", 3)
                .when()
                .get("/api/v1/customers/" + ID + "/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items.service", contains("customer-service", "segmentation-service", "loyalty-service"))
                .body("items.at", contains("2026-05-04T10:00:04Z", "2026-05-04T10:00:03Z", "2026-05-04T10:00:02Z"))
                .body("items.actor", everyItem(equalTo("alice")))
                .body("items[0].query", equalTo("customerId=" + ID + "&page=0&size=3"))
                .body("unavailable", hasSize(0));
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .queryParam("page", 1)
                .queryParam("size", 3)
                .when()
                .get("/api/v1/customers/" + ID + "/audit")
                .then()
                .statusCode(200)
                .body("items.at", contains("2026-05-04T10:00:01Z"));
    }

    @Test
    void aServiceThatIsDownIsNamedAndTheRestIsReturned() {
        Stubs.down("loyalty");
        try {
            given().header("Authorization", "Bearer " + TestTokens.token("alice", "admin"))
                    .when()
                    .get("/api/v1/customers/" + ID + "/audit")
                    .then()
                    .statusCode(200)
                    .body("unavailable", contains("loyalty-service"))
                    .body("total", equalTo(3));
        } finally {
            Stubs.up("loyalty");
        }
    }

    @Test
    void badInputIsAProblemAndRolesThatCannotReadCustomersAreRefused() {
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .when()
                .get("/api/v1/customers/not-a-uuid/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .queryParam("page", 50)
                .when()
                .get("/api/v1/customers/" + ID + "/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.token("mia", "marketing"))
                .when()
                .get("/api/v1/customers/" + ID + "/audit")
                .then()
                .statusCode(403);
        given().when().get("/api/v1/customers/" + ID + "/audit").then().statusCode(401);
    }
}
