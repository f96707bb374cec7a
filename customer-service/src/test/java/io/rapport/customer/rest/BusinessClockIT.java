package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.customer.TestClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every time the service stores or compares against is the injected Clock's (issue 19): the test moves the clock far
 * ahead and the stored timestamps follow it, and a time in the real future that is past on the moved clock passes the
 * "not in the future" checks.
 */
@QuarkusTest
class BusinessClockIT {
    static final Duration AHEAD = Duration.ofDays(1000);

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource ds;

    @AfterEach
    void reset() {
        clock.reset();
    }

    /** A time well past the real now, so only a timestamp taken from the moved clock can be after it. */
    static Instant farAhead() {
        return Instant.now().plus(AHEAD.minusDays(10));
    }

    @Test
    void aCustomerEnteredOnTheMovedClockIsCreatedAtThatTimeAndItsIdempotencyKeyToo() {
        clock.advance(AHEAD);
        String key = "clock-" + UUID.randomUUID();
        String id = json().header("Idempotency-Key", key)
                .body(Api.person(Api.uniqueEmail(), Api.uniquePhone()))
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String createdAt =
                json().get("/api/v1/customers/" + id).then().extract().path("createdAt");
        assertThat(Instant.parse(createdAt)).isAfter(farAhead());
        assertThat(Db.count(
                        ds,
                        "select count(*) from idempotency_key where idem_key = ? and created_at > ?",
                        key,
                        java.sql.Timestamp.from(farAhead())))
                .isEqualTo(1);
    }

    @Test
    void consentsPreferencesPurchasesAndCostsAreRecordedAtTheMovedTime() {
        String id = Api.createPerson();
        clock.advance(AHEAD);
        json().body("{\"granted\":true,\"source\":\"call\"}")
                .put("/api/v1/customers/" + id + "/consents/SMS")
                .then()
                .statusCode(200);
        String consentAt = json().get("/api/v1/customers/" + id + "/consents")
                .then()
                .extract()
                .path("history.find { it.channel == 'SMS' }.recordedAt");
        assertThat(Instant.parse(consentAt)).isAfter(farAhead());

        json().body("{\"value\":\"blue\"}")
                .put("/api/v1/customers/" + id + "/preferences/room/pillow")
                .then()
                .statusCode(200);
        String preferenceAt = json().get("/api/v1/customers/" + id + "/preferences")
                .then()
                .extract()
                .path("find { it.key == 'pillow' }.updatedAt");
        assertThat(Instant.parse(preferenceAt)).isAfter(farAhead());

        String purchaseAt = json().body(Api.purchase("clock-" + UUID.randomUUID(), 1, "10.00"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201)
                .extract()
                .path("recordedAt");
        assertThat(Instant.parse(purchaseAt)).isAfter(farAhead());

        String occurredAt = Instant.now().plus(Duration.ofDays(30)).toString();
        String costAt = json().body(
                        "{\"type\":\"SERVICE_CALL\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"occurredAt\":\""
                                + occurredAt + "\"}")
                .post("/api/v1/customers/" + id + "/costs")
                .then()
                .statusCode(201)
                .extract()
                .path("recordedAt");
        assertThat(Instant.parse(costAt)).isAfter(farAhead());
    }

    @Test
    void aWalletEstimatedInTheRealFutureIsAcceptedWhenTheClockIsPastIt() {
        clock.advance(AHEAD);
        String estimatedAt = Instant.now().plus(Duration.ofDays(30)).toString();
        String body = Api.person(Api.uniqueEmail(), Api.uniquePhone())
                .replace(
                        "\"wallet\":{\"amount\":\"2500.00\",\"currency\":\"GBP\"}",
                        "\"wallet\":{\"amount\":\"2500.00\",\"currency\":\"GBP\",\"estimatedAt\":\"" + estimatedAt
                                + "\"}");
        json().body(body).post("/api/v1/customers").then().statusCode(201).body("wallet.currency", equalTo("GBP"));
    }
}
