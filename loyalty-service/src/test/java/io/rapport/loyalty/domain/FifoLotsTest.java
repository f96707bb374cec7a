package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FifoLotsTest {
    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final List<FifoLots.Lot> LOTS = List.of(
            new FifoLots.Lot(C, Instant.parse("2026-03-01T00:00:00Z"), null, 100),
            new FifoLots.Lot(B, Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2028-02-01T00:00:00Z"), 50),
            new FifoLots.Lot(A, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"), 30));

    @Test
    void debitsTakeTheLotThatExpiresFirst() {
        FifoLots.Allocation a = FifoLots.take(LOTS, 60);
        assertThat(a.takes()).containsExactly(new FifoLots.Take(A, 30), new FifoLots.Take(B, 30));
        assertThat(a.shortfall()).isZero();
    }

    @Test
    void lotsThatNeverExpireGoLastAndAShortfallIsReported() {
        FifoLots.Allocation a = FifoLots.take(LOTS, 200);
        assertThat(a.takes())
                .containsExactly(new FifoLots.Take(A, 30), new FifoLots.Take(B, 50), new FifoLots.Take(C, 100));
        assertThat(a.shortfall()).isEqualTo(20);
    }

    @Test
    void aLotExpiresItsProgrammesMonthsAfterItWasEarnedOnTheUtcCalendar() {
        assertThat(FifoLots.expiresAt(Instant.parse("2026-01-31T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(FifoLots.expiresAt(Instant.parse("2026-03-15T00:00:00Z"), 24))
                .isEqualTo(Instant.parse("2028-03-15T00:00:00Z"));
    }

    @Test
    void lotsOfAProgrammeWithoutExpiryMonthsNeverExpire() {
        assertThat(FifoLots.expiresAt(Instant.parse("2026-03-15T00:00:00Z"), 0)).isNull();
        assertThat(FifoLots.expiresAt(Instant.parse("2026-03-15T00:00:00Z"), -1))
                .isNull();
    }
}
