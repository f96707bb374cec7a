package io.rapport.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
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

    @Test
    void recentActivityReactivatesADormantOrArchivedCustomerAndMovesLastActivity() {
        Instant last = Instant.parse("2024-01-01T00:00:00Z");
        Instant recent = Instant.parse("2026-12-01T10:00:00Z");
        for (CustomerStatus status : List.of(CustomerStatus.DORMANT, CustomerStatus.ARCHIVED)) {
            assertThat(dormancy.activity(status, last, recent, NOW))
                    .isEqualTo(new Dormancy.Activity(recent, CustomerStatus.ACTIVE, true));
        }
    }

    @Test
    void oldActivityIsHistoryAndOtherStatusesAreKept() {
        Instant last = Instant.parse("2023-01-01T00:00:00Z");
        Instant old = Instant.parse("2023-12-05T10:00:00Z");
        assertThat(dormancy.activity(CustomerStatus.DORMANT, last, old, NOW))
                .isEqualTo(new Dormancy.Activity(old, CustomerStatus.DORMANT, false));
        assertThat(dormancy.activity(CustomerStatus.ACTIVE, null, Instant.parse("2027-01-01T00:00:00Z"), NOW))
                .isEqualTo(new Dormancy.Activity(NOW, CustomerStatus.ACTIVE, false));
        // exactly at the cut-off still wakes: activity before the cut-off is what is too old
        assertThat(dormancy.activity(CustomerStatus.DORMANT, last, dormancy.cutoff(NOW), NOW)
                        .reactivated())
                .isTrue();
    }
}
