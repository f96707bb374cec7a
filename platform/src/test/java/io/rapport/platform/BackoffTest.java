package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.inbox.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));

    @Test
    void theCeilingDoublesPerAttemptUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(100);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(200);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(1600);
        assertThat(backoff.ceilingMillis(9)).isEqualTo(25_600);
        assertThat(backoff.ceilingMillis(10)).isEqualTo(30_000);
        assertThat(backoff.ceilingMillis(10_000)).isEqualTo(30_000);
    }

    @Test
    void eachPauseIsJitteredBetweenHalfAndAllOfItsCeiling() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.pauseMillis(attempt))
                        .isBetween(backoff.ceilingMillis(attempt) / 2, backoff.ceilingMillis(attempt));
            }
        }
    }

    @Test
    void aMaximumBelowTheFirstPauseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
