package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void eachCallerHasItsOwnSlots() {
        InFlightLimit limit = new InFlightLimit(2);
        assertThat(limit.tryAcquire("user:a")).isTrue();
        assertThat(limit.tryAcquire("user:a")).isTrue();
        assertThat(limit.tryAcquire("user:a")).isFalse();
        assertThat(limit.tryAcquire("user:b")).isTrue();
        limit.release("user:a");
        assertThat(limit.inFlight("user:a")).isEqualTo(1);
        assertThat(limit.tryAcquire("user:a")).isTrue();
    }

    @Test
    void aCallerWithNothingInFlightIsForgotten() {
        InFlightLimit limit = new InFlightLimit(1);
        limit.tryAcquire("partner:p");
        limit.release("partner:p");
        limit.release("partner:p");
        assertThat(limit.inFlight("partner:p")).isZero();
        assertThat(limit.tryAcquire("partner:p")).isTrue();
    }

    @Test
    void theLimitIsPositive() {
        assertThatThrownBy(() -> new InFlightLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
