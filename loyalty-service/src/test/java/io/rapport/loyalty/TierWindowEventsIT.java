package io.rapport.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tier window as a purchase event meets it (one event is a batch of one through the earning pipeline): the
 * service's clock decides where the 12-month window ends, the purchase's date whether it falls inside.
 */
@QuarkusTest
class TierWindowEventsIT {
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPurchaseOlderThanTheWindowEarnsItsPointsButNoTier() {
        String member = purchaseSeenLater(Duration.ofDays(396));
        assertThat(Fixtures.tier(member)).isEqualTo("SILVER");
    }

    @Test
    void aPurchaseInsideTheWindowQualifiesAtOnce() {
        String member = purchaseSeenLater(Duration.ofDays(330));
        assertThat(Fixtures.tier(member)).isEqualTo("GOLD");
    }

    /** Enrols a member, moves the service's clock on, then delivers a purchase of 2500 dated before the move. */
    private String purchaseSeenLater(Duration later) {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        clock.advance(later);
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "2500.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 2500);
        return member;
    }
}
