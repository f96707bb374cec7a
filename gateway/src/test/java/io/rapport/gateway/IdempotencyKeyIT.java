package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17: Idempotency-Key crosses the gateway, and a create the gateway gave up on says how to retry safely. */
@QuarkusTest
class IdempotencyKeyIT {
    private static final String ADMIN = "Bearer " + TestTokens.token("root", "admin");

    @Test
    void theIdempotencyKeyReachesTheService() {
        String key = UUID.randomUUID().toString();
        JsonPath echo = given().header("Authorization", ADMIN)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body("{\"severity\":\"HIGH\"}")
                .when()
                .post("/api/v1/engagement/complaints")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(echo.getString("headers.'idempotency-key'")).isEqualTo(key);
    }

    @Test
    void aCreateTheGatewayGaveUpOnTellsTheClientToRetryWithTheSameKey() {
        given().header("Authorization", ADMIN)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{\"severity\":\"HIGH\"}")
                .when()
                .post("/api/v1/engagement/complaints/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/upstream-timeout"))
                .body("detail", containsString("retry with the same Idempotency-Key"));
    }
}
