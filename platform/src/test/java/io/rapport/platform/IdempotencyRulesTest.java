package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.idempotency.IdempotencyRules;
import org.junit.jupiter.api.Test;

class IdempotencyRulesTest {

    @Test
    void keysAreOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyRules.keyProblem("3f1c9a3e-0b7d-4d52-9a53-2f0c6f3f8b21"))
                .isNull();
        assertThat(IdempotencyRules.keyProblem("order 42 / retry")).isNull();
        assertThat(IdempotencyRules.keyProblem("x".repeat(255))).isNull();
        assertThat(IdempotencyRules.keyProblem("x".repeat(256))).contains("at most 255");
        assertThat(IdempotencyRules.keyProblem("")).isNotNull();
        assertThat(IdempotencyRules.keyProblem("   ")).isNotNull();
        assertThat(IdempotencyRules.keyProblem("clé")).contains("printable ASCII");
        assertThat(IdempotencyRules.keyProblem("a\tb")).contains("printable ASCII");
    }

    @Test
    void problemsNeverRepeatTheKey() {
        assertThat(IdempotencyRules.keyProblem("secret-ü")).doesNotContain("secret");
    }

    @Test
    void onlySuccessfulAnswersAreStored() {
        assertThat(IdempotencyRules.stored(200)).isTrue();
        assertThat(IdempotencyRules.stored(201)).isTrue();
        assertThat(IdempotencyRules.stored(204)).isTrue();
        for (int status : new int[] {400, 403, 404, 409, 412, 422, 429, 500, 503}) {
            assertThat(IdempotencyRules.stored(status)).as("status %d", status).isFalse();
        }
    }

    @Test
    void theBodyHashIsSha256() {
        assertThat(IdempotencyRules.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(IdempotencyRules.sha256(null)).isEqualTo(IdempotencyRules.sha256(new byte[0]));
    }
}
