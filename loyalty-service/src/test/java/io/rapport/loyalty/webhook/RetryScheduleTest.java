package io.rapport.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    final RetrySchedule schedule =
            new RetrySchedule(Duration.ofSeconds(5), 3, Duration.ofHours(3), Duration.ofHours(24), 0.2);
    final Instant first = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        assertThat(schedule.baseDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.baseDelay(2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(schedule.baseDelay(3)).isEqualTo(Duration.ofSeconds(45));
        assertThat(schedule.baseDelay(7)).isEqualTo(Duration.ofSeconds(5 * 729));
        assertThat(schedule.baseDelay(8)).isEqualTo(Duration.ofHours(3));
        assertThat(schedule.baseDelay(500)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void jitterStaysWithinItsFraction() {
        Instant now = first.plusSeconds(60);
        assertThat(schedule.next(first, now, 2, () -> 0.0)).contains(now.plusSeconds(12));
        assertThat(schedule.next(first, now, 2, () -> 0.5)).contains(now.plusSeconds(15));
        assertThat(schedule.next(first, now, 2, () -> 0.999999))
                .hasValueSatisfying(t -> assertThat(t)
                        .isBefore(now.plusSeconds(18).plusMillis(1))
                        .isAfter(now.plusSeconds(17)));
    }

    @Test
    void retriesGoOnUntilTheWindowHasPassedThenGiveUp() {
        assertThat(schedule.next(first, first.plus(Duration.ofHours(24)).minusMillis(1), 14, () -> 0.5))
                .isPresent();
        assertThat(schedule.next(first, first.plus(Duration.ofHours(24)), 15, () -> 0.5))
                .isEmpty();
    }

    @Test
    void aDeliveryFailingEveryTimeIsTriedForAtLeastTheWholeWindow() {
        Instant now = first;
        int failures = 0;
        Optional<Instant> next;
        while ((next = schedule.next(first, now, ++failures, () -> 0.0)).isPresent()) {
            now = next.get();
        }
        assertThat(Duration.between(first, now)).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(failures).isBetween(10, 30);
    }
}
