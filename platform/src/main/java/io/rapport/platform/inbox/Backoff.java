package io.rapport.platform.inbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter: the pause before retry {@code n} (1-based) is a random duration between half
 * and all of {@code min(first * 2^(n-1), max)}, so replicas retrying the same outage do not hammer it in step.
 */
public record Backoff(Duration first, Duration max) {
    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The upper bound of the pause before retry {@code attempt} (1-based). */
    public long ceilingMillis(int attempt) {
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        long ceiling = first.toMillis() << doublings;
        return Math.min(ceiling <= 0 ? Long.MAX_VALUE : ceiling, max.toMillis());
    }

    /** The pause before retry {@code attempt} (1-based), jittered. */
    public long pauseMillis(int attempt) {
        long ceiling = ceilingMillis(attempt);
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling - ceiling / 2 + 1);
    }
}
