package io.rapport.gateway.domain;

/**
 * A per-upstream circuit breaker. CLOSED lets every call through and counts consecutive failures; at
 * {@code failureThreshold} it turns OPEN and refuses calls for {@code openNanos}; then it is HALF_OPEN and
 * lets exactly one trial call through: success closes it, failure opens it again. Times are nanoseconds
 * from a monotonic clock passed by the caller. Thread-safe.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, long openNanos) {
        if (failureThreshold < 1 || openNanos < 0) {
            throw new IllegalArgumentException("threshold must be 1 or more and the open time not negative");
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openNanos;
    }

    /** Whether a call may go out now; a true answer in HALF_OPEN reserves the single trial call. */
    public synchronized boolean tryAcquire(long now) {
        if (state == State.OPEN && now - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure(long now) {
        failures++;
        if (state == State.HALF_OPEN || failures >= failureThreshold) {
            state = State.OPEN;
            openedAt = now;
            trialInFlight = false;
        }
    }

    /** Nanoseconds until an open circuit lets a trial call through (0 when not open). */
    public synchronized long retryAfterNanos(long now) {
        return state == State.OPEN ? Math.max(0, openNanos - (now - openedAt)) : 0;
    }

    public synchronized State state() {
        return state;
    }
}
