package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.loyalty.expiry.ExpiryJob;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rewards with stock, club events with capacity, and points expiry. */
@QuarkusTest
class CatalogueIT {
    @Inject
    ExpiryJob expiry;

    @Test
    void aRewardTakesStockAndPointsAndRefusesWhenEitherIsMissing() {
        String programme = Fixtures.programme(0, 0);
        String member = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(member, 1000);
        String reward = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Cinema voucher", "pointsCost", 400, "stock", 1))
                .post("/api/v1/loyalty/programmes/{p}/rewards", programme)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("memberId", member))
                .post("/api/v1/loyalty/rewards/{id}/redemptions", reward)
                .then()
                .statusCode(201)
                .body("balance", org.hamcrest.Matchers.equalTo(600));
        given().contentType(ContentType.JSON)
                .body(Map.of("memberId", member))
                .post("/api/v1/loyalty/rewards/{id}/redemptions", reward)
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("out-of-stock"));
        given().get("/api/v1/loyalty/rewards/{id}", reward).then().body("stock", org.hamcrest.Matchers.equalTo(0));

        String dear = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Trip", "pointsCost", 5000))
                .post("/api/v1/loyalty/programmes/{p}/rewards", programme)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("memberId", member))
                .post("/api/v1/loyalty/rewards/{id}/redemptions", dear)
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("insufficient-points"));
        given().contentType(ContentType.JSON)
                .body(Map.of("memberId", member))
                .post("/api/v1/loyalty/rewards/{id}/redemptions", UUID.randomUUID())
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "pointsCost", -3))
                .post("/api/v1/loyalty/programmes/{p}/rewards", programme)
                .then()
                .statusCode(400);
        assertThat(Fixtures.balance(member)).isEqualTo(600);
    }

    @Test
    void anEventNeverSeatsMoreThanItsCapacity() {
        String programme = Fixtures.programme(0, 0);
        String a = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        String b = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        String event = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Head office day", "startsAt", "2026-12-01T09:00:00Z", "capacity", 1))
                .post("/api/v1/loyalty/programmes/{p}/events", programme)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/loyalty/events/{id}/invitations", event)
                .then()
                .statusCode(200)
                .body("invited", org.hamcrest.Matchers.equalTo(2));
        given().contentType(ContentType.JSON)
                .body(Map.of("memberId", a, "response", "ACCEPT"))
                .post("/api/v1/loyalty/events/{id}/rsvp", event)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("memberId", b, "response", "ACCEPT"))
                .post("/api/v1/loyalty/events/{id}/rsvp", event)
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .body(Map.of("memberId", a, "response", "DECLINE"))
                .post("/api/v1/loyalty/events/{id}/rsvp", event)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("memberId", b, "response", "ACCEPT"))
                .post("/api/v1/loyalty/events/{id}/rsvp", event)
                .then()
                .statusCode(200);
        given().get("/api/v1/loyalty/events/{id}", event)
                .then()
                .body("accepted", org.hamcrest.Matchers.equalTo(1))
                .body("invited", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void pointsExpireOldestFirstAfterAWarning() {
        String programme = Fixtures.programme(0, 0);
        String member = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(member, 100);
        Fixtures.adjust(member, 50);
        given().contentType(ContentType.JSON)
                .body(Map.of("points", 30, "reason", "coffee"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(201);

        Instant expiresAt =
                Instant.now().atOffset(java.time.ZoneOffset.UTC).plusMonths(24).toInstant();
        assertThat(expiry.warnUntilDone(expiresAt.minus(10, ChronoUnit.DAYS))).isPositive();
        assertThat(expiry.warnUntilDone(expiresAt.minus(9, ChronoUnit.DAYS)))
                .as("each lot is announced once")
                .isZero();
        expiry.expireUntilDone(expiresAt.plus(1, ChronoUnit.DAYS));

        assertThat(Fixtures.balance(member)).isZero();
        List<Map<String, Object>> expired = PurchaseEventsIT.ledger(member).stream()
                .filter(e -> "EXPIRE".equals(e.get("kind")))
                .toList();
        assertThat(expired).extracting(e -> e.get("points")).containsExactlyInAnyOrder(-70, -50);
        expiry.expireUntilDone(expiresAt.plus(2, ChronoUnit.DAYS));
        assertThat(PurchaseEventsIT.ledger(member)).hasSize(5);
    }
}
