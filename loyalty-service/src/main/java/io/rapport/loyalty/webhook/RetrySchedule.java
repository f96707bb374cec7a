package io.rapport.loyalty.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff ({@code initial} x {@code multiplier}^(n-1), at most
 * {@code max}) with +/- {@code jitter} (a fraction) applied at random, until the {@code window} since the first attempt
 * has passed: a failure at or after first attempt + window gives up. So a delivery is retried for at least the window
 * (24 h by default) before the subscription is disabled.
 */
public record RetrySchedule(Duration initial, double multiplier, Duration max, Duration window, double jitter) {

    public RetrySchedule {
        if (initial.isNegative()
                || initial.isZero()
                || multiplier < 1
                || max.compareTo(initial) < 0
                || jitter < 0
                || jitter >= 1) {
            throw new IllegalArgumentException("invalid retry schedule");
        }
    }

    /** The delay after the {@code failures}-th failed attempt (1 = the first), before jitter. */
    public Duration baseDelay(int failures) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /**
     * The next attempt after the {@code failures}-th failure at {@code now}, or empty when the window since
     * {@code firstAttempt} is over. {@code random} answers in [0, 1).
     */
    public Optional<Instant> next(Instant firstAttempt, Instant now, int failures, DoubleSupplier random) {
        if (!now.isBefore(firstAttempt.plus(window))) {
            return Optional.empty();
        }
        long base = baseDelay(failures).toMillis();
        long jittered = Math.round(base * (1 - jitter + 2 * jitter * random.getAsDouble()));
        return Optional.of(now.plusMillis(Math.max(1, jittered)));
    }
}
