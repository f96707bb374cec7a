package io.rapport.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    private final PhoneNumbers international = new PhoneNumbers("");
    private final PhoneNumbers uk = new PhoneNumbers("44");

    @Test
    void separatorsAndInternationalPrefixesNormaliseToE164() {
        assertThat(international.normalise("+44 (20) 7946-0958")).isEqualTo("+442079460958");
        assertThat(international.normalise("0044 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(international.normalise(" +49.30/1234567 ")).isEqualTo("+49301234567");
    }

    @Test
    void nationalNumbersNeedADefaultCallingCode() {
        assertThatThrownBy(() -> international.normalise("020 7946 0958"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("international");
        assertThat(uk.normalise("020 7946 0958")).isEqualTo("+442079460958");
    }

    @Test
    void lettersWrongLengthsAndZeroCountryCodesAreRefused() {
        assertThatThrownBy(() -> international.normalise("+44 20 CALL ME")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> international.normalise("+44 12")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> international.normalise("+1234567890123456"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> international.normalise("+0441234567")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> international.normalise("44+1234567")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> international.normalise(" ")).isInstanceOf(InvalidValueException.class);
    }
}
