package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.StubUpstream;
import io.rapport.gateway.support.Stubs;
import io.rapport.gateway.support.TestTokens;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Upstreams that are down or slow: 503/504 problems naming the service, fast; Customer 360 degrades. */
@QuarkusTest
class OutageIT {
    private static final String ADMIN = "Bearer " + TestTokens.token("root", "admin");
    private static final String CUSTOMER = "00000000-0000-0000-0000-000000000360";

    @AfterEach
    void bringEverythingBack() {
        for (String name : new String[] {"customer", "segmentation", "engagement", "loyalty"}) {
            Stubs.up(name);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String path :
                    new String[] {"/api/v1/customers/1", "/api/v1/engagement/agenda", "/api/v1/loyalty/programmes"}) {
                given().header("Authorization", ADMIN).when().get(path).then().statusCode(200);
            }
        });
    }

    @Test
    void aServiceThatIsDownGives503NamingItQuickly() {
        Stubs.down("loyalty");
        long started = System.nanoTime();
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/loyalty/programmes")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("loyalty-service"))
                .body("context.service", equalTo("loyalty-service"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void repeatedFailuresOpenTheCircuitWhichAnswersAtOnceWithRetryAfter() {
        Stubs.down("loyalty");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", ADMIN)
                    .when()
                    .get("/api/v1/loyalty/programmes")
                    .then()
                    .statusCode(503);
        }
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/loyalty/programmes")
                .then()
                .statusCode(503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("circuit open"));
    }

    @Test
    void aSlowServiceGives504WithinItsTimeout() {
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/segments/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("detail", containsString("segmentation-service"));
    }

    @Test
    void customer360WithOneServiceDownMarksThatPartUnavailable() {
        Stubs.down("loyalty");
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/customers/" + CUSTOMER + "/360")
                .then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("profile.status", equalTo("OK"))
                .body("classes.status", equalTo("OK"))
                .body("engagement.status", equalTo("OK"))
                .body("loyalty.status", equalTo("UNAVAILABLE"))
                .body("loyalty.detail", containsString("loyalty-service"));
    }

    @Test
    void customer360WithASlowServiceStillAnswersWithinItsTimeout() {
        long started = System.nanoTime();
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/customers/" + StubUpstream.SLOW_CUSTOMER + "/360")
                .then()
                .statusCode(200)
                .body("profile.status", equalTo("OK"))
                .body("engagement.status", equalTo("UNAVAILABLE"))
                .body("loyalty.status", equalTo("OK"));
        // the stub sleeps 5 s; the composition gives up after its 1.5 s timeout
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_500));
    }
}
