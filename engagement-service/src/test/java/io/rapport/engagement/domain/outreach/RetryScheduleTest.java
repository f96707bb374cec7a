package io.rapport.engagement.domain.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule retry = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(10), 5);
    private final Instant now = Instant.parse("2026-05-05T10:00:00Z");

    @Test
    void theWaitDoublesUpToTheMaximum() {
        assertThat(retry.next(1, now)).contains(now.plus(Duration.ofMinutes(1)));
        assertThat(retry.next(2, now)).contains(now.plus(Duration.ofMinutes(2)));
        assertThat(retry.next(3, now)).contains(now.plus(Duration.ofMinutes(4)));
        assertThat(retry.next(4, now)).contains(now.plus(Duration.ofMinutes(8)));
    }

    @Test
    void noAttemptIsLeftAfterTheLast() {
        assertThat(retry.next(5, now)).isEmpty();
    }

    @Test
    void theMaximumCaps() {
        RetrySchedule long_ = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), 30);
        assertThat(long_.next(20, now)).contains(now.plus(Duration.ofHours(1)));
    }
}
