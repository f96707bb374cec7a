package io.rapport.gateway.domain;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CircuitBreaker} per caller (user or partner) for one upstream: a caller whose own requests keep
 * failing (its slow statements answered 503, its requests timing out) opens only its own circuit, and everyone
 * else keeps being served. Only callers with recent failures are kept: a success forgets the caller, and once
 * {@code maxCallers} are tracked the closed ones are dropped. Times are nanoseconds from a monotonic clock.
 */
public final class CallerCircuitBreakers {
    private final ConcurrentHashMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final int failureThreshold;
    private final long openNanos;
    private final int maxCallers;

    public CallerCircuitBreakers(int failureThreshold, long openNanos, int maxCallers) {
        new CircuitBreaker(failureThreshold, openNanos); // checks the arguments
        this.failureThreshold = failureThreshold;
        this.openNanos = openNanos;
        this.maxCallers = maxCallers;
    }

    /** Whether {@code caller} may call now (false while its own circuit is open). */
    public boolean tryAcquire(String caller, long now) {
        CircuitBreaker breaker = breakers.get(caller);
        return breaker == null || breaker.tryAcquire(now);
    }

    public void onSuccess(String caller) {
        CircuitBreaker breaker = breakers.get(caller);
        if (breaker != null) {
            breaker.onSuccess();
            breakers.remove(caller, breaker);
        }
    }

    public void onFailure(String caller, long now) {
        if (!breakers.containsKey(caller) && breakers.size() >= maxCallers) {
            breakers.values().removeIf(b -> b.state() == CircuitBreaker.State.CLOSED);
        }
        breakers.computeIfAbsent(caller, k -> new CircuitBreaker(failureThreshold, openNanos)).onFailure(now);
    }

    /** Nanoseconds until {@code caller}'s open circuit lets a trial call through (0 when not open). */
    public long retryAfterNanos(String caller, long now) {
        CircuitBreaker breaker = breakers.get(caller);
        return breaker == null ? 0 : breaker.retryAfterNanos(now);
    }

    public CircuitBreaker.State state(String caller) {
        CircuitBreaker breaker = breakers.get(caller);
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.state();
    }

    /** Callers tracked now (those with failures not yet followed by a success). */
    public int tracked() {
        return breakers.size();
    }
}
