package io.rapport.bench.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.bench.webhooks.WebhookSignature.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    // the Standard Webhooks specification's own example (standard-webhooks/spec, "Verifying signatures")
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String TIMESTAMP = "1614265330";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final Instant THEN = Instant.ofEpochSecond(1614265330);

    @Test
    void signsTheSpecificationsExample() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTheSpecificationsExample() {
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void refusesATamperedBodyIdOrTimestamp() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, tampered, THEN))
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(WebhookSignature.verify(List.of(SECRET), ID + "x", TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, "1614265331", SIGNATURE, BODY, THEN))
                .isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void refusesAnotherSecret() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(WebhookSignature.verify(List.of(other), ID, TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(WebhookSignature.verify(List.of(), ID, TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Outcome.NO_SECRET);
    }

    @Test
    void acceptsAnyEntryAndAnyKnownSecretDuringARotation() {
        String old = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String header = WebhookSignature.sign(old, ID, TIMESTAMP, BODY) + " " + SIGNATURE;
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, header, BODY, THEN))
                .isEqualTo(Outcome.VALID);
        assertThat(WebhookSignature.verify(List.of(old, SECRET), ID, TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesOffEitherWay() {
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(300)))
                .isEqualTo(Outcome.VALID);
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(301)))
                .isEqualTo(Outcome.STALE_TIMESTAMP);
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, SIGNATURE, BODY, THEN.minusSeconds(301)))
                .isEqualTo(Outcome.STALE_TIMESTAMP);
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, "yesterday", SIGNATURE, BODY, THEN))
                .isEqualTo(Outcome.BAD_TIMESTAMP);
    }

    @Test
    void refusesMissingHeaders() {
        assertThat(WebhookSignature.verify(List.of(SECRET), null, TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Outcome.MISSING_HEADERS);
        assertThat(WebhookSignature.verify(List.of(SECRET), ID, TIMESTAMP, " ", BODY, THEN))
                .isEqualTo(Outcome.MISSING_HEADERS);
    }
}
