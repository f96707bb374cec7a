package io.rapport.gateway.domain;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A bulkhead per caller: at most {@code maxPerCaller} requests of one caller in flight at once in this gateway
 * instance, so one caller's slow requests cannot take every upstream connection. Thread-safe; a caller with
 * nothing in flight takes no memory.
 *
 * <p>Kept instead of SmallRye Fault Tolerance's bulkhead (issue 19) for its semantics: FT's bulkhead around an
 * asynchronous call (a proxied exchange is one) needs a waiting queue of at least one, so the request over the limit
 * would wait for a slot instead of getting 429 at once; and one bulkhead per caller would have to live in a bounded
 * cache whose eviction of a caller with requests in flight would hand it a fresh, empty bulkhead. This exact count per
 * caller needs no cache: its entry disappears when the caller's last request ends.
 */
public final class InFlightLimit {
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final int maxPerCaller;

    public InFlightLimit(int maxPerCaller) {
        if (maxPerCaller < 1) {
            throw new IllegalArgumentException("the limit must be 1 or more");
        }
        this.maxPerCaller = maxPerCaller;
    }

    /** Reserves a slot for {@code caller}; false when it already has the maximum in flight. */
    public boolean tryAcquire(String caller) {
        boolean[] taken = {false};
        inFlight.compute(caller, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= maxPerCaller) {
                return n;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    /** Frees a slot {@link #tryAcquire} reserved. */
    public void release(String caller) {
        inFlight.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
    }

    public int inFlight(String caller) {
        return inFlight.getOrDefault(caller, 0);
    }

    public int maxPerCaller() {
        return maxPerCaller;
    }
}
