package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.loyalty.tier.TierEvaluationJob;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A downgrade waits for the end of the qualification period; the scheduled evaluation applies it then. */
@QuarkusTest
class TierPeriodIT {
    @Inject
    TierEvaluationJob job;

    @Test
    void aDowngradeHappensOnlyAtTheEndOfThePeriod() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID purchase = UUID.randomUUID();
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(purchase, customer, "EUR", "2500.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "GOLD".equals(Fixtures.tier(member)));

        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_REFUNDED,
                customer.toString(),
                CustomerEventsProducer.refund(purchase, customer, "EUR", "2500.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 0);
        assertThat(Fixtures.tier(member)).as("no downgrade mid-period").isEqualTo("GOLD");

        job.runUntilDone(Instant.now());
        assertThat(Fixtures.tier(member)).as("the period has not ended yet").isEqualTo("GOLD");

        Instant periodEnd = Instant.parse(given().get("/api/v1/loyalty/members/{id}", member)
                .then()
                .extract()
                .path("periodEnd"));
        job.runUntilDone(periodEnd.plusSeconds(1));
        assertThat(Fixtures.tier(member)).isEqualTo("SILVER");
        Map<String, Object> after = given().get("/api/v1/loyalty/members/{id}", member)
                .then()
                .extract()
                .as(Map.class);
        assertThat(Instant.parse((String) after.get("periodEnd"))).isAfter(periodEnd);
        List<Map<String, Object>> history = given().get("/api/v1/loyalty/members/{id}/tier-history", member)
                .then()
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(history).extracting(h -> h.get("direction")).containsExactly("START", "UP", "DOWN");
    }

    @Test
    void aMemberWhoStillQualifiesKeepsTheTierIntoTheNextPeriod() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "2100.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "GOLD".equals(Fixtures.tier(member)));
        Instant periodEnd = Instant.parse(given().get("/api/v1/loyalty/members/{id}", member)
                .then()
                .extract()
                .path("periodEnd"));
        job.runUntilDone(periodEnd.plusSeconds(1));
        assertThat(Fixtures.tier(member)).isEqualTo("GOLD");
    }
}
