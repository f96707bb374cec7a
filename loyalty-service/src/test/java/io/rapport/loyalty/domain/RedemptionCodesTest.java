package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedemptionCodesTest {

    @Test
    void codesAreEightCrockfordCharactersAndMatchOnlyTheirOwnRow() {
        String code = RedemptionCodes.newCode(new Random(7));
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{8}");
        UUID id = UUID.randomUUID();
        String stored = RedemptionCodes.hash(id, code);
        assertThat(stored).doesNotContain(code).hasSize(64);
        assertThat(RedemptionCodes.matches(id, stored, code)).isTrue();
        assertThat(RedemptionCodes.matches(id, stored, code.toLowerCase()))
                .as("typed in lower case")
                .isTrue();
        assertThat(RedemptionCodes.matches(id, stored, code.substring(0, 4) + "-" + code.substring(4)))
                .isTrue();
        assertThat(RedemptionCodes.matches(UUID.randomUUID(), stored, code))
                .as("another row")
                .isFalse();
        assertThat(RedemptionCodes.hash(UUID.randomUUID(), code)).isNotEqualTo(stored);
        assertThat(RedemptionCodes.matches(id, stored, null)).isFalse();
        assertThat(RedemptionCodes.matches(id, stored, "UUUUUUUU")).isFalse();
        assertThat(RedemptionCodes.matches(id, stored, code + "0")).isFalse();
    }

    @Test
    void lookAlikeCharactersAreReadAsCrockfordDoes() {
        assertThat(MemberNumbers.Crockford.normalise("ol-1i")).isEqualTo("0111");
        assertThat(MemberNumbers.Crockford.normalise("AB U")).isNull();
    }

    @Test
    void memberNumbersAreTheProgrammeCodeAndTwelveRandomCharacters() {
        Set<String> seen = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            String n = MemberNumbers.next("HAIER", random);
            assertThat(n).matches("HAIER-[0-9A-HJKMNP-TV-Z]{12}");
            seen.add(n);
        }
        assertThat(seen).hasSize(1000);
    }
}
