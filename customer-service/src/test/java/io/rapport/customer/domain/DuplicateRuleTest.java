package io.rapport.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateRuleTest {

    private static DuplicateRule.Person person(String name, String line1, String postal, String city) {
        return new DuplicateRule.Person(name, line1, postal, city, "GB", Set.of(), null);
    }

    @Test
    void jaroWinklerMatchesTheTextbookValues() {
        assertThat(DuplicateRule.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(0.0001));
        assertThat(DuplicateRule.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(0.0001));
        assertThat(DuplicateRule.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(0.0001));
        assertThat(DuplicateRule.jaroWinkler("same", "same")).isEqualTo(1.0);
        assertThat(DuplicateRule.jaroWinkler("abc", "xyz")).isZero();
        assertThat(DuplicateRule.jaroWinkler("", "")).isZero();
    }

    @Test
    void namesAreComparedWithoutCaseAccentsPunctuationOrWordOrder() {
        assertThat(DuplicateRule.normaliseName("  Lovelace,  ADA ")).isEqualTo("ada lovelace");
        assertThat(DuplicateRule.normaliseName("Zoë Müller-Lüdenscheidt")).isEqualTo("ludenscheidt muller zoe");
        assertThat(DuplicateRule.normaliseName(null)).isEmpty();
    }

    @Test
    void theSameNameAndAddressIsSuggested() {
        var verdict = DuplicateRule.judge(
                person("Ada Lovelace", "12 St James's Square", "SW1Y 4JH", "London"),
                person("ada lovelace", "12 St. James's Square", "sw1y4jh", "LONDON"));
        assertThat(verdict).isPresent();
        assertThat(verdict.get().reasons())
                .containsExactly(DuplicateRule.Reason.SIMILAR_NAME, DuplicateRule.Reason.SAME_ADDRESS);
        assertThat(verdict.get().score()).isCloseTo(0.8, within(0.0001));
    }

    @Test
    void aTypoInTheNameIsStillSuggested() {
        assertThat(DuplicateRule.judge(
                        person("Ada Lovelace", "12 St James's Square", "SW1Y 4JH", null),
                        person("Ada Lovelance", "12 St James's Square", "SW1Y 4JH", null)))
                .isPresent();
    }

    @Test
    void aSimilarNameAloneIsNotADuplicate() {
        assertThat(DuplicateRule.judge(
                        person("John Smith", "1 High Street", "AB1 2CD", null),
                        person("John Smith", "99 Low Road", "ZZ9 9ZZ", null)))
                .isEmpty();
        assertThat(DuplicateRule.judge(person("John Smith", null, null, null), person("John Smith", null, null, null)))
                .isEmpty();
    }

    @Test
    void differentNamesAtTheSameAddressAreNotDuplicates() {
        assertThat(DuplicateRule.judge(
                        person("Ada Lovelace", "12 St James's Square", "SW1Y 4JH", null),
                        person("Charles Babbage", "12 St James's Square", "SW1Y 4JH", null)))
                .isEmpty();
    }

    @Test
    void aSharedPhoneOrBirthDateAreSignalsToo() {
        var a = new DuplicateRule.Person(
                "Ada Lovelace", null, null, null, null, Set.of("+442079460958"), LocalDate.of(1815, 12, 10));
        var b = new DuplicateRule.Person(
                "Ada Lovelace", null, null, null, null, Set.of("+442079460958"), LocalDate.of(1815, 12, 10));
        var verdict = DuplicateRule.judge(a, b);
        assertThat(verdict).isPresent();
        assertThat(verdict.get().reasons())
                .contains(DuplicateRule.Reason.SAME_PHONE, DuplicateRule.Reason.SAME_BIRTH_DATE);
        assertThat(verdict.get().score()).isCloseTo(0.9, within(0.0001));
    }

    @Test
    void theSameNameAndBirthDateIsSuggestedWithoutAnyAddress() {
        var a = new DuplicateRule.Person("Ada Lovelace", null, null, null, null, Set.of(), LocalDate.of(1985, 12, 10));
        var b = new DuplicateRule.Person("lovelace, ADA", null, null, null, null, Set.of(), LocalDate.of(1985, 12, 10));
        var verdict = DuplicateRule.judge(a, b);
        assertThat(verdict).isPresent();
        assertThat(verdict.get().reasons())
                .containsExactly(DuplicateRule.Reason.SIMILAR_NAME, DuplicateRule.Reason.SAME_BIRTH_DATE);
        assertThat(verdict.get().score()).isCloseTo(0.7, within(0.0001));
        var otherDay =
                new DuplicateRule.Person("Ada Lovelace", null, null, null, null, Set.of(), LocalDate.of(1985, 12, 11));
        assertThat(DuplicateRule.judge(a, otherDay)).isEmpty();
    }

    @Test
    void theSameStreetInAnotherCountryIsNotTheSameAddress() {
        var a = new DuplicateRule.Person("Ada Lovelace", "1 Main Street", "12345", null, "US", Set.of(), null);
        var b = new DuplicateRule.Person("Ada Lovelace", "1 Main Street", "12345", null, "DE", Set.of(), null);
        assertThat(DuplicateRule.judge(a, b)).isEmpty();
    }
}
