package io.rapport.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

class DormancyTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final Dormancy dormancy = new Dormancy(Period.ofMonths(18));

    @Test
    void theCutoffIsTheDormancyPeriodBeforeNow() {
        assertThat(dormancy.cutoff(NOW)).isEqualTo(Instant.parse("2025-06-05T10:00:00Z"));
    }

    @Test
    void aThreeYearOldPurchaseDoesNotWakeADormantCustomer() {
        assertThat(dormancy.wakes(Instant.parse("2023-12-05T10:00:00Z"), NOW)).isFalse();
        assertThat(dormancy.wakes(Instant.parse("2026-12-01T10:00:00Z"), NOW)).isTrue();
    }

    @Test
    void lastActivityNeverMovesBackwardsNorPastNow() {
        Instant last = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(Dormancy.latest(last, Instant.parse("2024-01-01T00:00:00Z"), NOW))
                .isEqualTo(last);
        assertThat(Dormancy.latest(null, Instant.parse("2024-01-01T00:00:00Z"), NOW))
                .isEqualTo("2024-01-01T00:00:00Z");
        assertThat(Dormancy.latest(last, Instant.parse("2027-01-01T00:00:00Z"), NOW))
                .isEqualTo(NOW);
    }
}
