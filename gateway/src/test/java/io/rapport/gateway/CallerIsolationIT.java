package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.Stubs;
import io.rapport.gateway.support.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One heavy caller cannot take the gateway from everyone: its failing requests open only its own circuit, and it
 * may have at most 4 requests in flight (the test setting of rapport.gateway.bulkhead.max-in-flight-per-caller).
 */
@QuarkusTest
class CallerIsolationIT {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void cleanUp() {
        Stubs.release("engagement");
        pool.shutdownNow();
    }

    private static String bearer(String subject) {
        return "Bearer " + TestTokens.token(subject, "admin");
    }

    @Test
    void oneCallersFailingRequestsOpenItsOwnCircuitOnlyAndOthersAreStillServed() {
        String heavy = bearer("heavy-" + System.nanoTime());
        String other = bearer("other-" + System.nanoTime());
        for (int i = 0; i < 3; i++) { // the test threshold: 3 failures
            given().header("Authorization", heavy)
                    .get("/api/v1/loyalty/reports/fail503")
                    .then()
                    .statusCode(503)
                    .body("type", equalTo("https://rapport.dev/problems/statement-timeout"));
        }
        given().header("Authorization", heavy)
                .get("/api/v1/loyalty/programmes")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("your requests"));
        given().header("Authorization", other)
                .get("/api/v1/loyalty/programmes")
                .then()
                .statusCode(200)
                .body("service", equalTo("loyalty"));
    }

    @Test
    void aCallerOverItsInFlightLimitGets429WhileOthersAreServed() {
        String heavy = bearer("busy-" + System.nanoTime());
        String other = bearer("calm-" + System.nanoTime());
        List<CompletableFuture<Integer>> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(CompletableFuture.supplyAsync(
                    () -> given().header("Authorization", heavy)
                            .get("/api/v1/engagement/reports/hold")
                            .statusCode(),
                    pool));
        }
        Awaitility.await().atMost(Duration.ofSeconds(8)).until(() -> Stubs.held("engagement") == 4);

        given().header("Authorization", heavy)
                .get("/api/v1/engagement/agenda")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("https://rapport.dev/problems/too-many-in-flight"));
        given().header("Authorization", other)
                .get("/api/v1/engagement/agenda")
                .then()
                .statusCode(200);

        Stubs.release("engagement");
        assertThat(held).allSatisfy(f -> assertThat(f.join()).isEqualTo(200));
        given().header("Authorization", heavy)
                .get("/api/v1/engagement/agenda")
                .then()
                .statusCode(200);
    }
}
