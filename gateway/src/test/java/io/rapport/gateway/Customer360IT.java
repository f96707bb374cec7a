package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.StubUpstream;
import io.rapport.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class Customer360IT {
    private static final String ID = "3f0c6f1e-9a52-4c3b-8d0a-2f7e5b1c9d44";

    @Test
    void composesEveryServicesPartForTheCaller() {
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .when()
                .get("/api/v1/customers/" + ID + "/360")
                .then()
                .statusCode(200)
                .body("customerId", equalTo(ID))
                .body("complete", equalTo(true))
                .body("profile.status", equalTo("OK"))
                .body("profile.data.path", equalTo("/api/v1/customers/" + ID))
                .body("profile.data.headers.authorization", org.hamcrest.Matchers.startsWith("Bearer "))
                .body("classes.data.path", equalTo("/api/v1/segments/customers/" + ID))
                .body("engagement.data.path", equalTo("/api/v1/engagement/customers/" + ID + "/summary"))
                .body("loyalty.data.path", equalTo("/api/v1/loyalty/customers/" + ID + "/summary"))
                .body("preferenceHistory.status", equalTo("OK"))
                .body("preferenceHistory.data.path", equalTo("/api/v1/customers/" + ID + "/preferences/history"))
                .body("preferenceHistory.data.query", equalTo("page=0&size=10"));
    }

    @Test
    void theLatestPreferenceHistoryIsUnavailableNotAFailureWhenCustomerServiceLacksTheRoute() {
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .when()
                .get("/api/v1/customers/" + StubUpstream.NO_HISTORY_CUSTOMER + "/360")
                .then()
                .statusCode(200)
                .body("profile.status", equalTo("OK"))
                .body("preferenceHistory.status", equalTo("UNAVAILABLE"))
                .body("preferenceHistory.detail", equalTo("customer-service does not serve the preference history"))
                .body("complete", equalTo(false));
    }

    @Test
    void aServiceThatAnswers410ForAMergedCustomerIsNotFoundNamingTheSurvivorNotUnavailable() {
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .when()
                .get("/api/v1/customers/" + StubUpstream.MERGED_CUSTOMER + "/360")
                .then()
                .statusCode(200)
                .body("engagement.status", equalTo("NOT_FOUND"))
                .body("engagement.detail", equalTo("the customer was merged into " + StubUpstream.SURVIVOR));
    }

    @Test
    void partsTheRoleMayNotReadAreNotFetched() {
        given().header("Authorization", "Bearer " + TestTokens.token("sam", "support"))
                .when()
                .get("/api/v1/customers/" + ID + "/360")
                .then()
                .statusCode(200)
                .body("profile.status", equalTo("OK"))
                .body("classes.status", equalTo("NOT_PERMITTED"))
                .body("loyalty.status", equalTo("NOT_PERMITTED"))
                .body("engagement.status", equalTo("OK"));
    }

    @Test
    void anUnknownCustomerIs404() {
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .when()
                .get("/api/v1/customers/" + StubUpstream.UNKNOWN_CUSTOMER + "/360")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aMalformedIdIs400AndMarketingMayNotSeeCustomers() {
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .when()
                .get("/api/v1/customers/not-a-uuid/360")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.token("mia", "marketing"))
                .when()
                .get("/api/v1/customers/" + ID + "/360")
                .then()
                .statusCode(403);
        given().when().get("/api/v1/customers/" + ID + "/360").then().statusCode(401);
    }
}
