package io.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Every pooled connection carries the configured statement_timeout (2s in these tests); a request whose statement
 * runs longer answers 503 problem+json with Retry-After, never a 500; a background job may run longer inside its
 * own transaction, after which the connection has the request limit again.
 */
@QuarkusTest
class StatementTimeoutIT {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void pooledConnectionsCarryTheConfiguredTimeout() {
        given().get("/probe/slow/timeout").then().statusCode(200).body(equalTo("2s"));
    }

    @Test
    void aSlowHibernateQueryIsCancelledAndAnswers503WithRetryAfter() {
        given().get("/probe/slow/hibernate?seconds=30")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .header("Retry-After", "5")
                .body("type", equalTo("https://rapport.dev/problems/statement-timeout"))
                .body("status", equalTo(503))
                .body("detail", containsString("narrow the filter"))
                .body(not(containsString("pg_sleep")));
    }

    @Test
    void aSlowJdbcStatementWrappedByTheServiceAlsoAnswers503() {
        given().get("/probe/slow/jdbc?seconds=30")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .header("Retry-After", "5")
                .body("type", equalTo("https://rapport.dev/problems/statement-timeout"));
    }

    @Test
    void aJobMayRunLongerInItsOwnTransactionAndTheConnectionGoesBackWithTheRequestLimit() {
        given().post("/probe/slow/job?seconds=3").then().statusCode(200).body(equalTo("1"));
        for (int i = 0; i < 25; i++) { // more than the pool holds: every connection has the request limit again
            given().get("/probe/slow/timeout").then().statusCode(200).body(equalTo("2s"));
        }
    }
}
