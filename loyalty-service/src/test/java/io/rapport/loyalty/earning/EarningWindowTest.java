package io.rapport.loyalty.earning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EarningWindowTest {
    private static final Instant ENROLLED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aPurchaseBeforeEnrolmentEarnsOnlyWhenTheSettingAllowsIt() {
        assertThat(EarnBatch.earnsAt(ENROLLED, ENROLLED.minusSeconds(1), false)).isFalse();
        assertThat(EarnBatch.earnsAt(ENROLLED, ENROLLED.minusSeconds(1), true)).isTrue();
    }

    @Test
    void aPurchaseAtOrAfterEnrolmentEarns() {
        assertThat(EarnBatch.earnsAt(ENROLLED, ENROLLED, false)).isTrue();
        assertThat(EarnBatch.earnsAt(ENROLLED, ENROLLED.plusSeconds(60), false)).isTrue();
    }
}
