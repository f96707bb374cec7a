package io.rapport.loyalty.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.loyalty.domain.FifoLots;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpiryDecisionTest {
    static final UUID OLD = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID NEW = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final FifoLots.Lot OLDER =
            new FifoLots.Lot(OLD, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 30);
    static final FifoLots.Lot NEWER =
            new FifoLots.Lot(NEW, Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), 50);

    @Test
    void dueLotsExpireOldestFirstWhatTheyHold() {
        var x = ExpiryDecision.decide(200, List.of(NEWER, OLDER));
        assertThat(x).extracting(e -> e.lot().id()).containsExactly(OLD, NEW);
        assertThat(x).extracting(ExpiryDecision.Expiration::points).containsExactly(30L, 50L);
        assertThat(x).extracting(ExpiryDecision.Expiration::balanceAfter).containsExactly(170L, 120L);
    }

    @Test
    void expiryNeverTakesMoreThanTheBalanceAndEmptiesTheRestWithoutPoints() {
        var x = ExpiryDecision.decide(40, List.of(NEWER, OLDER));
        assertThat(x).extracting(ExpiryDecision.Expiration::points).containsExactly(30L, 10L);
        assertThat(x).extracting(ExpiryDecision.Expiration::balanceAfter).containsExactly(10L, 0L);

        var none = ExpiryDecision.decide(0, List.of(OLDER));
        assertThat(none).singleElement().satisfies(e -> assertThat(e.points()).isZero());
    }
}
