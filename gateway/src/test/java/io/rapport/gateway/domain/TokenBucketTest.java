package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsItsCapacityThenRefuses() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND);
    }

    @Test
    void tokensComeBackAtTheRateAndNeverAboveCapacity() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertThat(bucket.tryTake(SECOND / 8)).isEqualTo(SECOND / 8);
        assertThat(bucket.tryTake(SECOND / 4)).isZero();
        assertThat(bucket.isFull(100 * SECOND)).isTrue();
        bucket.tryTake(100 * SECOND);
        bucket.tryTake(100 * SECOND);
        assertThat(bucket.tryTake(100 * SECOND)).isPositive();
    }

    @Test
    void theWaitIsTheTimeToTheNextWholeToken() {
        TokenBucket bucket = new TokenBucket(1, 0.5, 0);
        bucket.tryTake(0);
        assertThat(bucket.tryTake(SECOND / 2)).isEqualTo(3 * SECOND / 2);
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
