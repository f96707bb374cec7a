package io.rapport.engagement.domain.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendFailureTest {

    @Test
    void transientSmtpRepliesAreRetriedPermanentOnesAreNot() {
        assertThat(SendFailure.smtp(421, "busy").kind()).isEqualTo(SendFailure.Kind.TRANSIENT);
        assertThat(SendFailure.smtp(451, "later").retryable()).isTrue();
        assertThat(SendFailure.smtp(550, "no such user").kind()).isEqualTo(SendFailure.Kind.BOUNCED);
        assertThat(SendFailure.smtp(553, "bad address").kind()).isEqualTo(SendFailure.Kind.BOUNCED);
        assertThat(SendFailure.smtp(554, "policy").kind()).isEqualTo(SendFailure.Kind.REJECTED);
        assertThat(SendFailure.smtp(554, "policy").retryable()).isFalse();
    }

    @Test
    void anUnknownOutcomeIsNeverRetriedSoNothingGoesTwice() {
        assertThat(SendFailure.unknown("timeout after DATA").retryable()).isFalse();
        assertThat(SendFailure.notConnected("refused").retryable()).isTrue();
    }

    @Test
    void httpProviderStatuses() {
        assertThat(SendFailure.http(429, "slow down").retryable()).isTrue();
        assertThat(SendFailure.http(503, "down").retryable()).isTrue();
        assertThat(SendFailure.http(400, "bad number").kind()).isEqualTo(SendFailure.Kind.REJECTED);
    }

    @Test
    void longErrorsAreCut() {
        assertThat(SendFailure.unknown("x".repeat(2000)).error()).hasSize(480);
    }
}
