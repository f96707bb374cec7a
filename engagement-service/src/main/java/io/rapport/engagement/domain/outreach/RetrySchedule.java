package io.rapport.engagement.domain.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a message that could not be handed over is tried again: after {@code first}, doubling each time up to
 * {@code max}, for at most {@code maxAttempts} attempts in all; then it fails for good (RETRIES_EXHAUSTED).
 */
public record RetrySchedule(Duration first, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry: first > 0, max >= first, maxAttempts >= 1");
        }
    }

    /** The next attempt after {@code attemptsMade} failed ones at {@code now}; empty when none is left. */
    public Optional<Instant> next(int attemptsMade, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration d = first;
        for (int i = 1; i < attemptsMade && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return Optional.of(now.plus(d.compareTo(max) > 0 ? max : d));
    }
}
