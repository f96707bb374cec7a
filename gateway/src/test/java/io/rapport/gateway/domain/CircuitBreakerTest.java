package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final long OPEN = 10_000;

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        CircuitBreaker breaker = new CircuitBreaker(3, OPEN);
        breaker.onFailure(0);
        breaker.onFailure(0);
        assertThat(breaker.tryAcquire(0)).isTrue();
        breaker.onFailure(1);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire(2)).isFalse();
        assertThat(breaker.retryAfterNanos(2)).isEqualTo(OPEN - 1);
    }

    @Test
    void aSuccessResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, OPEN);
        breaker.onFailure(0);
        breaker.onSuccess();
        breaker.onFailure(0);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheOpenTimeExactlyOneTrialGoesThrough() {
        CircuitBreaker breaker = new CircuitBreaker(1, OPEN);
        breaker.onFailure(0);
        assertThat(breaker.tryAcquire(OPEN)).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire(OPEN)).isFalse();
        breaker.onSuccess();
        assertThat(breaker.tryAcquire(OPEN)).isTrue();
        assertThat(breaker.tryAcquire(OPEN)).isTrue();
    }

    @Test
    void aFailedTrialOpensTheCircuitAgain() {
        CircuitBreaker breaker = new CircuitBreaker(5, OPEN);
        for (int i = 0; i < 5; i++) {
            breaker.onFailure(0);
        }
        assertThat(breaker.tryAcquire(OPEN)).isTrue();
        breaker.onFailure(OPEN);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire(OPEN + 1)).isFalse();
        assertThat(breaker.tryAcquire(2 * OPEN)).isTrue();
    }
}
