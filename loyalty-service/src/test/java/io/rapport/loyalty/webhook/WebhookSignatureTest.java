package io.rapport.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    /** The test vector of the Standard Webhooks reference libraries. */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TS = 1614265330L;
    static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheReferenceVectorOfTheSpecification() {
        assertThat(WebhookSignature.sign(SECRET, ID, TS, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationBothSecretsVerifyAndAChangedBodyDoesNot() {
        String next = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(next, SECRET), ID, TS, BODY);
        assertThat(header.split(" ")).hasSize(2);
        assertThat(WebhookSignature.verify(next, ID, TS, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, TS, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, TS, BODY + " ", header)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, TS + 1, BODY, header)).isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), ID, TS, BODY, header))
                .isFalse();
    }

    @Test
    void newSecretsCarryTheirPrefixAndThirtyTwoKeyBytes() {
        String s = WebhookSignature.newSecret();
        assertThat(s).startsWith("whsec_");
        assertThat(WebhookSignature.key(s)).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(s);
    }
}
