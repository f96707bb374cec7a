package io.rapport.engagement.domain.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalutationTest {

    @Test
    void aNameIsGreetedInTheCustomersLanguage() {
        assertThat(Salutation.of("en", "Ada", "Lovelace", null)).isEqualTo("Dear Ada Lovelace");
        assertThat(Salutation.of("de", "Ada", null, null)).isEqualTo("Guten Tag Ada");
        assertThat(Salutation.of("fr", null, "Curie", null)).isEqualTo("Bonjour Curie");
    }

    @Test
    void withoutANameTheDefaultIsNeverABlank() {
        assertThat(Salutation.of("en", null, " ", null)).isEqualTo("Dear customer");
        assertThat(Salutation.of("de", "", null, null)).isEqualTo("Liebe Kundin, lieber Kunde");
        assertThat(Salutation.of("en", null, null, "Acme Ltd")).isEqualTo("Dear Acme Ltd");
        assertThat(Salutation.of("nl", null, null, null)).isEqualTo("Dear customer");
    }

    @Test
    void theLanguageComesFromTheLocale() {
        assertThat(Salutation.language("en-GB")).isEqualTo("en");
        assertThat(Salutation.language("de_AT")).isEqualTo("de");
        assertThat(Salutation.language(null)).isEqualTo("en");
    }
}
