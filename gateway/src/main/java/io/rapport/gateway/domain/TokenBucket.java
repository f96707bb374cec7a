package io.rapport.gateway.domain;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills continuously at {@code perSecond}, and each
 * request takes one. Times are in nanoseconds from any clock (the caller passes {@code now}; a clock that steps
 * back only delays the refill). Thread-safe.
 *
 * <p>Kept instead of SmallRye Fault Tolerance's rate limit (issue 19) for its semantics: FT's {@code SMOOTH} window
 * is a token bucket too, but a new one starts with one permit, not a full burst, so a caller's first page of parallel
 * requests would get 429s until the bucket filled (at 100/s, one per 10 ms), and every bucket a bounded map forgets
 * starts over that way; {@code FIXED} lets twice the limit through around a window boundary, and {@code ROLLING}
 * keeps a timestamp per permitted request (2,000 per caller with the dev profile's limit). This class starts full,
 * holds two numbers per caller, and its {@code isFull} lets idle callers be forgotten without changing anything.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    public TokenBucket(int capacity, double perSecond, long now) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("capacity must be 1 or more and the rate positive");
        }
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /**
     * Takes one token if there is one.
     *
     * @return 0 when taken; otherwise the nanoseconds until a token will be available
     */
    public synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Whether the bucket is full at {@code now} (an idle principal whose bucket can be forgotten). */
    public synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
            updatedAt = now;
        }
    }
}
