package io.rapport.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void addressesAreTrimmedAndLowerCased() {
        assertThat(EmailAddresses.normalise("  Ada.Lovelace@Example.ORG ")).isEqualTo("ada.lovelace@example.org");
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String bad : new String[] {
            "ada", "ada@", "@example.org", "ada@example", "a b@example.org", "ada@@example.org", "ada@-example.org", ""
        }) {
            assertThatThrownBy(() -> EmailAddresses.normalise(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }
}
