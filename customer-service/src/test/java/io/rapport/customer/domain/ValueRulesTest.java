package io.rapport.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueRulesTest {

    @Test
    void acceptsCanonicalValues() {
        assertThat(ValueRules.locale("en-gb")).isEqualTo("en-GB");
        assertThat(ValueRules.timeZone("Europe/London")).isEqualTo("Europe/London");
        assertThat(ValueRules.currency("EUR")).isEqualTo("EUR");
        assertThat(ValueRules.country("GB")).isEqualTo("GB");
    }

    @Test
    void refusesUnknownOrMalformedValues() {
        assertThatThrownBy(() -> ValueRules.locale("not a locale")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueRules.timeZone("Mars/Olympus")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueRules.timeZone("+02:00")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueRules.currency("eur")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueRules.currency("XYZ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ValueRules.country("UK")).isInstanceOf(InvalidValueException.class);
    }
}
