package io.rapport.gateway.proxy;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The two kinds of circuit breaker of one upstream, on SmallRye Fault Tolerance's {@link Guard}, so that one heavy
 * caller cannot open the circuit for everyone:
 * <ul>
 * <li>the upstream's own breaker counts only failures no caller can cause: refused or dropped connections;</li>
 * <li>each caller's breaker counts that caller's timeouts and 502/503/504 answers (a service answers 503 when a
 * request's statement ran past its statement timeout).</li>
 * </ul>
 * Each opens after {@code failureThreshold} failures in a row (a rolling window of that size with failure ratio 1),
 * refuses calls for {@code openDuration}, then lets one trial call through: success closes it, failure opens it again.
 * Any other outcome (an answer, 4xx included; the gateway's own pool overloaded; the client hanging up) counts as a
 * success. Callers' breakers live in a bounded least-recently-used map: past {@code maxCallers} the longest idle
 * caller's breaker is forgotten (a forgotten open circuit starts closed again).
 */
public final class UpstreamBreakers {
    /** The caller's own request failed (502/503/504 answer): counted against that caller, the answer still relayed. */
    static final class FailedAnswer extends RuntimeException {
        final transient Object answer;

        FailedAnswer(Object answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    /** The call was abandoned on the gateway's side (client gone, body too large): nobody's failure. */
    public static final class Abandoned extends RuntimeException {
        public Abandoned() {
            super("abandoned", null, false, false);
        }
    }

    /** A breaker and when it last opened (System.nanoTime, the clock SmallRye Fault Tolerance times it with). */
    private record Breaker(Guard guard, AtomicLong openedAt) {}

    private final String serviceName;
    private final int failureThreshold;
    private final long openMillis;
    private final int maxCallers;
    private final Breaker upstream;
    private final Map<String, Breaker> callers;

    public UpstreamBreakers(String serviceName, int failureThreshold, Duration openDuration, int maxCallers) {
        if (failureThreshold < 1 || openDuration.isNegative() || maxCallers < 1) {
            throw new IllegalArgumentException(
                    "threshold and callers must be 1 or more and the open time not negative");
        }
        this.serviceName = serviceName;
        this.failureThreshold = failureThreshold;
        this.openMillis = openDuration.toMillis();
        this.maxCallers = maxCallers;
        this.upstream = breaker("gateway upstream " + serviceName, UpstreamBreakers::upstreamFailure);
        this.callers = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Breaker> eldest) {
                return size() > UpstreamBreakers.this.maxCallers;
            }
        };
    }

    /**
     * Runs {@code send} under {@code caller}'s breaker and the upstream's. The answer's {@code status} decides whether it
     * counts as the caller's failure; it is returned either way. Fails with {@link UpstreamFailure} (503 with
     * Retry-After) at once while a circuit is open, or with {@code send}'s own failure.
     */
    public <T> CompletionStage<T> call(String caller, Supplier<CompletionStage<T>> send, ToIntFunction<T> status) {
        Breaker own = callerBreaker(caller);
        Supplier<CompletionStage<T>> classified = () -> send.get()
                .thenCompose(answer -> callerFailure(status.applyAsInt(answer))
                        ? CompletableFuture.failedFuture(new FailedAnswer(answer))
                        : CompletableFuture.completedFuture(answer));
        Supplier<CompletionStage<T>> throughUpstream =
                () -> guarded(upstream, classified).exceptionallyCompose(e -> {
                    Throwable cause = unwrap(e);
                    return CompletableFuture.failedFuture(
                            cause instanceof CircuitBreakerOpenException
                                    ? new UpstreamFailure(
                                            UpstreamFailure.Kind.UNAVAILABLE,
                                            serviceName + " is unavailable (circuit open after repeated failures)",
                                            retryAfterSeconds(upstream))
                                    : cause);
                });
        return guarded(own, throughUpstream)
                .handle((answer, e) -> {
                    if (e == null) {
                        return CompletableFuture.completedFuture(answer);
                    }
                    Throwable cause = unwrap(e);
                    if (cause instanceof FailedAnswer failed) {
                        @SuppressWarnings("unchecked")
                        T relayed = (T) failed.answer;
                        return CompletableFuture.completedFuture(relayed);
                    }
                    if (cause instanceof CircuitBreakerOpenException) {
                        cause = new UpstreamFailure(
                                UpstreamFailure.Kind.UNAVAILABLE,
                                serviceName + " is not called for you for now"
                                        + " (circuit open after repeated failures of your requests: narrow them or retry later)",
                                retryAfterSeconds(own));
                    }
                    return CompletableFuture.<T>failedFuture(cause);
                })
                .thenCompose(f -> f);
    }

    private static <T> CompletionStage<T> guarded(Breaker breaker, Supplier<CompletionStage<T>> action) {
        return breaker.guard().get(action, new TypeLiteral<CompletionStage<T>>() {});
    }

    /** Callers whose breaker is kept now (at most {@code maxCallers}). */
    public int trackedCallers() {
        synchronized (callers) {
            return callers.size();
        }
    }

    private Breaker callerBreaker(String caller) {
        synchronized (callers) {
            return callers.computeIfAbsent(caller, k -> breaker(null, UpstreamBreakers::callerFailure));
        }
    }

    private Breaker breaker(String description, Predicate<Throwable> failure) {
        AtomicLong openedAt = new AtomicLong();
        Guard.Builder builder = Guard.create();
        if (description != null) {
            builder.withDescription(description); // metrics for the four upstream breakers, none per caller
        }
        Guard guard = builder.withCircuitBreaker()
                .requestVolumeThreshold(failureThreshold)
                .failureRatio(1.0)
                .successThreshold(1)
                .delay(openMillis, ChronoUnit.MILLIS)
                .when(e -> failure.test(unwrap(e)))
                .onStateChange(state -> {
                    if (state == CircuitBreakerState.OPEN) {
                        openedAt.set(System.nanoTime());
                    }
                })
                .done()
                .build();
        return new Breaker(guard, openedAt);
    }

    private static boolean callerFailure(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /** A caller's failure: its request timed out or was answered 502/503/504. */
    static boolean callerFailure(Throwable e) {
        return e instanceof TimeoutException || e instanceof FailedAnswer;
    }

    /** The upstream's failure: no connection or a lost one; not an answer, a timeout, or the gateway's own overload. */
    static boolean upstreamFailure(Throwable e) {
        return !(e instanceof TimeoutException
                || e instanceof FailedAnswer
                || e instanceof ConnectionPoolTooBusyException
                || e instanceof Abandoned
                || e instanceof UpstreamFailure
                || e instanceof CircuitBreakerOpenException);
    }

    private long retryAfterSeconds(Breaker breaker) {
        long left = TimeUnit.MILLISECONDS.toNanos(openMillis)
                - (System.nanoTime() - breaker.openedAt().get());
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(Math.max(0, left) + 999_999_999L));
    }

    static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
