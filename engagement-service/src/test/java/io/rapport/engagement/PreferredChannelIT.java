package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.PurchaseFact;
import io.rapport.engagement.service.PurchaseScheduling;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Planned contacts go on the customer's preferred channel (from customer events) when consent allows. */
@QuarkusTest
class PreferredChannelIT {
    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    PurchaseScheduling purchases;

    @Test
    void aSatisfactionFollowUpUsesThePreferredChannelWhenConsentAllowsElseThePlansChannel() {
        clock.set("2026-05-04T08:00:00Z");
        UUID smsFan = fixtures.customer(
                "Europe/London",
                "rep-p",
                Map.of("PHONE", true, "SMS", true),
                List.of("SMS", "PHONE"),
                "ACCOUNTABLE",
                "100");
        UUID noSmsConsent = fixtures.customer(
                "Europe/London",
                "rep-p",
                Map.of("PHONE", true, "SMS", false),
                List.of("SMS", "PHONE"),
                "ACCOUNTABLE",
                "100");
        buy(smsFan);
        buy(noSmsConsent);
        channelOfTheSatisfactionCheck(smsFan, "SMS");
        channelOfTheSatisfactionCheck(noSmsConsent, "PHONE");
    }

    private void buy(UUID customer) {
        QuarkusTransaction.requiringNew()
                .run(() -> purchases.schedule(List.of(
                        new PurchaseFact("pref-" + customer, customer, Instant.parse("2026-05-04T10:00:00Z")))));
    }

    private static void channelOfTheSatisfactionCheck(UUID id, String channel) {
        given().queryParam("state", "PLANNED")
                .get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .body("items.find { it.purpose == 'SATISFACTION_CHECK' }.channel", equalTo(channel));
    }
}
