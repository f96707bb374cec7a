package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.StubUpstreams;
import io.rapport.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RateLimitIT {

    @Test
    void theFourthRequestOfABucketOfThreeIs429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Api-Key", StubUpstreams.TINY_KEY)
                    .when()
                    .get("/api/v1/loyalty/partner/transactions")
                    .then()
                    .statusCode(200);
        }
        given().header("X-Api-Key", StubUpstreams.TINY_KEY)
                .when()
                .get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429));
    }

    @Test
    void oneCallersEmptyBucketDoesNotLimitOthers() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Api-Key", StubUpstreams.SMALL_KEY).when().get("/api/v1/loyalty/partner/transactions");
        }
        given().header("X-Api-Key", StubUpstreams.SMALL_KEY)
                .when()
                .get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(429);
        given().header("X-Api-Key", StubUpstreams.ACME_KEY)
                .when()
                .get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.token("bob", "sales"))
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(200);
    }
}
