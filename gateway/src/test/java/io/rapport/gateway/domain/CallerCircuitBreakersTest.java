package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerCircuitBreakersTest {
    private static final long OPEN = 1_000;

    @Test
    void oneCallersFailuresOpenOnlyItsCircuit() {
        CallerCircuitBreakers breakers = new CallerCircuitBreakers(3, OPEN, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(breakers.tryAcquire("user:heavy", i)).isTrue();
            breakers.onFailure("user:heavy", i);
        }
        assertThat(breakers.tryAcquire("user:heavy", 10)).isFalse();
        assertThat(breakers.retryAfterNanos("user:heavy", 10)).isEqualTo(OPEN - 8);
        assertThat(breakers.tryAcquire("user:other", 10)).isTrue();
        assertThat(breakers.state("user:other")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheOpenTimeOneTrialCallAndItsSuccessForgetsTheCaller() {
        CallerCircuitBreakers breakers = new CallerCircuitBreakers(1, OPEN, 100);
        breakers.onFailure("user:a", 0);
        assertThat(breakers.tryAcquire("user:a", OPEN)).isTrue();
        assertThat(breakers.tryAcquire("user:a", OPEN)).isFalse();
        breakers.onSuccess("user:a");
        assertThat(breakers.tracked()).isZero();
        assertThat(breakers.tryAcquire("user:a", OPEN)).isTrue();
    }

    @Test
    void closedCallersAreDroppedOnceTheMaximumIsTracked() {
        CallerCircuitBreakers breakers = new CallerCircuitBreakers(5, OPEN, 3);
        breakers.onFailure("a", 0);
        breakers.onFailure("b", 0);
        breakers.onFailure("c", 0);
        breakers.onFailure("d", 0);
        assertThat(breakers.tracked()).isEqualTo(1);
        assertThat(breakers.state("d")).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
