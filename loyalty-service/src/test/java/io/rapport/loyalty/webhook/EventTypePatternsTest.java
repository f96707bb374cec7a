package io.rapport.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypePatternsTest {
    @Test
    void wildcardsMatchByPrefixAndNeverWidenAPartnersEntitlement() {
        var r = EventTypePatterns.validate(List.of("rapport.loyalty.*"), Entitlements.PARTNER);
        assertThat(r.error()).isEmpty();
        assertThat(EventTypePatterns.expand(r.patterns(), Entitlements.PARTNER))
                .contains("rapport.loyalty.points-earned.v1")
                .doesNotContain("rapport.loyalty.referral-completed.v1");
        assertThat(EventTypePatterns.expand(List.of("*"), Entitlements.PARTNER))
                .allMatch(t -> t.startsWith("rapport.loyalty."));
    }

    @Test
    void unknownOrForeignTypesNameTheFieldWithoutEchoingIt() {
        var unknown = EventTypePatterns.validate(
                List.of("rapport.loyalty.*", "rapport.loyalty.nope.v1"), Entitlements.PARTNER);
        assertThat(unknown.field()).isEqualTo("eventTypes[1]");
        assertThat(unknown.message()).doesNotContain("nope");
        assertThat(EventTypePatterns.validate(List.of("rapport.customer.*"), Entitlements.PARTNER)
                        .field())
                .isEqualTo("eventTypes[0]");
        assertThat(EventTypePatterns.validate(List.of("rapport.customer.*"), Entitlements.CLIENT)
                        .error())
                .isEmpty();
        assertThat(EventTypePatterns.validate(List.of("rapport.loyalty.referral-completed.v1"), Entitlements.PARTNER)
                        .field())
                .isEqualTo("eventTypes[0]");
        assertThat(EventTypePatterns.validate(List.of(), Entitlements.CLIENT).field())
                .isEqualTo("eventTypes");
        assertThat(EventTypePatterns.validate(Arrays.asList((String) null), Entitlements.CLIENT)
                        .field())
                .isEqualTo("eventTypes[0]");
        assertThat(EventTypePatterns.validate(List.of("rapport.*.v1"), Entitlements.CLIENT)
                        .field())
                .isEqualTo("eventTypes[0]");
    }
}
