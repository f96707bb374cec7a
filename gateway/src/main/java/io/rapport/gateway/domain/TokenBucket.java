package io.rapport.gateway.domain;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills continuously at {@code perSecond}, and each
 * request takes one. Times are in nanoseconds from any monotonic clock (the caller passes {@code now}).
 * Thread-safe.
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
