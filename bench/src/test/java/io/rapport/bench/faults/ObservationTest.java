package io.rapport.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationTest {
    private static final String ALICE = "c-alice";
    private final PurchaseLoad.Accepted first = purchase("p1", 30);
    private final PurchaseLoad.Accepted second = purchase("p2", 70);
    private final List<PurchaseLoad.Accepted> both = List.of(first, second);

    private final Map<String, Integer> recorded = new HashMap<>(Map.of("p1", 1, "p2", 1));
    private final Map<String, Integer> earned = new HashMap<>(Map.of("p1", 1, "p2", 1));
    private final Map<String, Long> points = new HashMap<>(Map.of("p1", 30L, "p2", 70L));
    private final Map<String, Integer> counted = new HashMap<>(Map.of("p1", 1, "p2", 1));
    private final Map<String, Integer> followedUp = new HashMap<>(Map.of("p1", 1, "p2", 1));
    private final Map<String, Reconciler.Totals> source = new HashMap<>(Map.of(ALICE, totals(2, 100)));
    private final Map<String, Reconciler.Totals> segments = new HashMap<>(Map.of(ALICE, totals(2, 100)));

    @Test
    void everyServiceHoldingEveryPurchaseOnceIsConverged() {
        Observation o = observation();
        assertThat(o.converged(both)).isTrue();
        assertThat(o.lost(both)).isEmpty();
        assertThat(o.doubled(both)).isEmpty();
        assertThat(o.observed(both))
                .containsExactly(
                        Map.entry("customer", 2),
                        Map.entry("loyalty", 2),
                        Map.entry("segmentation", 2),
                        Map.entry("engagement", 2));
    }

    @Test
    void aPurchaseLoyaltyNeverEarnedOnIsLost() {
        earned.remove("p2");
        points.remove("p2");
        Observation o = observation();
        assertThat(o.converged(both)).isFalse();
        assertThat(o.lost(both)).singleElement().asString().contains("order-p2").contains("missing in loyalty");
        assertThat(o.observed(both)).containsEntry("loyalty", 1);
    }

    @Test
    void aPurchaseMissingInSeveralServicesIsOneLostPurchaseNamingThemAll() {
        counted.remove("p1");
        followedUp.remove("p1");
        assertThat(observation().lost(both)).singleElement().asString().contains("segmentation, engagement");
    }

    @Test
    void twoLedgerEntriesOrMorePointsThanEurosAreDoubled() {
        earned.put("p1", 2);
        points.put("p1", 60L);
        assertThat(observation().doubled(both))
                .hasSize(2)
                .anyMatch(d -> d.contains("2 ledger entries"))
                .anyMatch(d -> d.contains("60 points"));
    }

    @Test
    void twoFollowUpsForOnePurchaseAreDoubled() {
        followedUp.put("p2", 2);
        assertThat(observation().doubled(both)).singleElement().asString().contains("2 follow-ups");
    }

    @Test
    void segmentationCountingMoreThanCustomerServiceRecordedIsDoubled() {
        segments.put(ALICE, totals(3, 130));
        assertThat(observation().doubled(both)).singleElement().asString().contains("segmentation counts 3 purchases");
    }

    @Test
    void segmentationBehindIsNotCountedAsDoubled() {
        segments.put(ALICE, totals(1, 30));
        assertThat(observation().doubled(both)).isEmpty();
    }

    private Observation observation() {
        return new Observation(recorded, earned, points, counted, followedUp, source, segments);
    }

    private static PurchaseLoad.Accepted purchase(String id, int euros) {
        return new PurchaseLoad.Accepted("s", "order-" + id, id, ALICE, BigDecimal.valueOf(euros), Instant.now(), 1);
    }

    private static Reconciler.Totals totals(long n, int money) {
        return new Reconciler.Totals(n, BigDecimal.valueOf(money));
    }
}
