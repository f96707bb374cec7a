package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.PurchaseFact;
import io.rapport.engagement.service.PurchaseScheduling;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The purchase that makes segmentation raise a customer's level arrives before the raise: the follow-up of the new
 * level is scheduled for it when the level rises (the same source key as a purchase scheduled at that level).
 */
@QuarkusTest
class FirstPurchaseLevelRaiseIT {
    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    PurchaseScheduling purchases;

    @Test
    void theFirstPurchaseThatRaisesTheLevelGetsTheNewLevelsFollowUpCall() {
        clock.set("2026-05-04T12:00:00Z");
        UUID id = fixtures.customer("Europe/London", "rep-first", Map.of("PHONE", true), List.of("PHONE"), null, null);
        Instant bought = Instant.parse("2026-05-04T10:00:00Z");
        buy(id, "first-" + id, bought); // the customer is BASIC: nothing to follow up yet
        assertThat(contacts(id)).isEmpty();

        fixtures.segmentChanged(
                Fixtures.segment(id, "ABC", "A", "ACCOUNTABLE", "900")); // the purchase raised the level

        List<Map<String, Object>> after = contacts(id);
        assertThat(after).extracting(c -> c.get("purpose")).containsExactly("SATISFACTION_CHECK");
        assertThat(after.get(0).get("requestedAt")).isEqualTo("2026-05-11T10:00:00Z");

        buy(id, "first-" + id, bought); // the same purchase again (a replay): nothing new
        buy(id, "second-" + id, Instant.parse("2026-05-05T10:00:00Z"));
        assertThat(contacts(id)).hasSize(2);
    }

    @Test
    void aLevelRaiseLongAfterTheLastPurchaseSchedulesNoLateSatisfactionCall() {
        clock.set("2026-05-04T12:00:00Z");
        UUID id = fixtures.customer("Europe/London", "rep-late", Map.of("PHONE", true), List.of("PHONE"), null, null);
        buy(id, "old-" + id, Instant.parse("2026-03-01T10:00:00Z"));
        fixtures.segmentChanged(Fixtures.segment(id, "ABC", "A", "ACCOUNTABLE", "900"));
        assertThat(contacts(id)).isEmpty();
    }

    private void buy(UUID customer, String purchaseId, Instant at) {
        QuarkusTransaction.requiringNew()
                .run(() -> purchases.schedule(List.of(new PurchaseFact(purchaseId, customer, at))));
    }

    private static List<Map<String, Object>> contacts(UUID id) {
        JsonPath page = given().queryParam("state", "PLANNED")
                .get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.getList("items");
    }
}
