package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.customer.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Dormancy and reactivation read business time from the injected Clock: the test moves the clock past the dormancy
 * period (default 18 months) instead of back-dating rows or sleeping.
 */
@QuarkusTest
class DormancyClockIT {
    @Inject
    TestClock clock;

    @Test
    void aCustomerTurnsDormantWhenTheClockPassesTheDormancyPeriodAndVerifyingWakesItAtThatTime() {
        String id = Api.createPerson();
        json().post("/api/v1/customers/hygiene/dormancy-runs").then().statusCode(200);
        json().get("/api/v1/customers/" + id).then().body("status", equalTo("ACTIVE"));
        try {
            clock.advance(Duration.ofDays(2 * 365));
            json().post("/api/v1/customers/hygiene/dormancy-runs").then().statusCode(200);
            String etag = json().get("/api/v1/customers/" + id)
                    .then()
                    .body("status", equalTo("DORMANT"))
                    .extract()
                    .header("ETag");
            String verifiedAt = json().header("If-Match", etag)
                    .post("/api/v1/customers/" + id + "/verify")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .extract()
                    .path("lastVerifiedAt");
            assertThat(Instant.parse(verifiedAt)).isAfter(Instant.now().plus(Duration.ofDays(700)));
        } finally {
            clock.reset();
        }
    }
}
