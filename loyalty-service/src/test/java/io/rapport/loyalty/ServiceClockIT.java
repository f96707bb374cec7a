package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the service reads the time from the injected clock only, so a code's lifetime, a partner's day and the
 * stored timestamps move with it (the test clock runs ahead of the system clock here).
 */
@QuarkusTest
class ServiceClockIT {
    @Inject
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void aRedemptionCodeExpiresWhenTheServiceClockPassesItsLifetime() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        Fixtures.adjust(annId, 100);
        String shop = PartnerRedemptionIT.partner(programme, "Shop", null, null);
        PartnerRedemptionIT.link(annId, shop);
        String code = PartnerRedemptionIT.code(annId, shop, 40);

        clock.advance(Duration.ofMinutes(11)); // the default code lifetime is 10 minutes
        PartnerRedemptionIT.burn(shop, (String) ann.get("memberNumber"), code, 10, "T-1")
                .then()
                .statusCode(403)
                .body("type", equalTo(PartnerRedemptionIT.REFUSED));
        assertThat(Fixtures.balance(annId)).isEqualTo(100);
    }

    @Test
    void aPartnersDailyLimitStartsAgainOnTheServiceClocksNextDay() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        String number = (String) ann.get("memberNumber");
        Fixtures.adjust(annId, 200);
        String shop = PartnerRedemptionIT.partner(programme, "Shop", null, 50L);
        PartnerRedemptionIT.link(annId, shop);
        PartnerRedemptionIT.burn(shop, number, PartnerRedemptionIT.code(annId, shop, 50), 50, "D-1")
                .then()
                .statusCode(201);
        PartnerRedemptionIT.burn(shop, number, PartnerRedemptionIT.code(annId, shop, 50), 10, "D-2")
                .then()
                .statusCode(422);

        clock.advance(Duration.ofDays(1));
        PartnerRedemptionIT.burn(shop, number, PartnerRedemptionIT.code(annId, shop, 50), 50, "D-3")
                .then()
                .statusCode(201);
        assertThat(Fixtures.balance(annId)).isEqualTo(100);
    }

    @Test
    void storedTimestampsComeFromTheServiceClock() {
        clock.advance(Duration.ofDays(400));
        Instant ahead = Instant.now().plus(Duration.ofDays(399));
        String programme = Fixtures.programme(0, 0);
        assertThat(instant(given().get("/api/v1/loyalty/programmes/{id}", programme)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("createdAt")))
                .as("programme createdAt")
                .isAfter(ahead);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        String shop = PartnerRedemptionIT.partner(programme, "Shop", null, null);
        assertThat(instant(given().get("/api/v1/loyalty/partners/{id}", shop)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("createdAt")))
                .as("partner createdAt")
                .isAfter(ahead);
        PartnerRedemptionIT.link(annId, shop);
        String earnedAt = given().contentType(ContentType.JSON)
                .header(PartnerRedemptionIT.HEADER, shop)
                .body(Map.of(
                        "memberNumber", ann.get("memberNumber"), "amount", "20", "currency", "EUR", "reference", "E-1"))
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(201)
                .extract()
                .path("occurredAt");
        assertThat(instant(earnedAt)).as("partner earning occurredAt").isAfter(ahead);
        Map<String, Object> revoked = given().delete(
                        "/api/v1/loyalty/members/{id}/partner-links/{partner}", annId, shop)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(instant(revoked.get("consentedAt"))).as("consentedAt").isAfter(ahead);
        assertThat(instant(revoked.get("revokedAt"))).as("revokedAt").isAfter(ahead);
    }

    private static Instant instant(Object text) {
        return Instant.parse((String) text);
    }
}
