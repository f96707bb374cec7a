package io.rapport.engagement.domain.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.Channel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreferredChannelTest {

    @Test
    void aPlanUsesTheCustomersFirstPreferredChannelThatConsentAllows() {
        assertThat(PreferredChannel.choose(
                        Channel.PHONE,
                        List.of(Channel.SMS, Channel.EMAIL),
                        Set.of(Channel.EMAIL, Channel.PHONE)::contains))
                .isEqualTo(Channel.EMAIL);
    }

    @Test
    void withoutAConsentedPreferenceThePlansChannelStays() {
        assertThat(PreferredChannel.choose(Channel.PHONE, List.of(Channel.SMS), Set.<Channel>of()::contains))
                .isEqualTo(Channel.PHONE);
        assertThat(PreferredChannel.choose(Channel.EMAIL, List.of(), Set.of(Channel.PHONE)::contains))
                .isEqualTo(Channel.EMAIL);
    }

    @Test
    void aMeetingOrVisitPlanNeverBecomesAMessage() {
        assertThat(PreferredChannel.choose(Channel.MEETING, List.of(Channel.EMAIL), Set.of(Channel.EMAIL)::contains))
                .isEqualTo(Channel.MEETING);
    }

    @Test
    void storedNamesThatAreNoContactChannelAreSkipped() {
        assertThat(PreferredChannel.parse(List.of("POST", "SMS", " EMAIL")))
                .containsExactly(Channel.SMS, Channel.EMAIL);
    }
}
