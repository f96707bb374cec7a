package io.rapport.engagement.domain.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Level;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyCapTest {

    @Test
    void capsParseWithLevelAndChannelScopes() {
        List<FrequencyCap> caps = FrequencyCap.parseAll("1/P3D, PARTNERSHIP:2/P3D, @SMS:1/P7D, PROACTIVE@EMAIL:2/P7D");
        assertThat(caps)
                .containsExactly(
                        new FrequencyCap(null, null, 1, Duration.ofDays(3)),
                        new FrequencyCap(Level.PARTNERSHIP, null, 2, Duration.ofDays(3)),
                        new FrequencyCap(null, Channel.SMS, 1, Duration.ofDays(7)),
                        new FrequencyCap(Level.PROACTIVE, Channel.EMAIL, 2, Duration.ofDays(7)));
        assertThat(caps.get(3).spec()).isEqualTo("PROACTIVE@EMAIL:2/PT168H");
    }

    @Test
    void badCapsAreRefusedWithTheOffendingText() {
        assertThatThrownBy(() -> FrequencyCap.parse("GOLD:1/P3D")).hasMessageContaining("GOLD:1/P3D");
        assertThatThrownBy(() -> FrequencyCap.parse("one/P3D")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrequencyCap.parse("1/3 days")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrequencyCap.parse("0/P3D")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLevelsOwnCapsReplaceTheGeneralOnesOfTheSameChannelScope() {
        List<FrequencyCap> caps = FrequencyCap.parseAll("1/P3D,4/P30D,PARTNERSHIP:2/P3D,@SMS:1/P7D");
        assertThat(FrequencyCap.applicable(caps, Level.PARTNERSHIP, Channel.SMS))
                .extracting(FrequencyCap::spec)
                .containsExactly("PARTNERSHIP:2/PT72H", "@SMS:1/PT168H");
        assertThat(FrequencyCap.applicable(caps, Level.BASIC, Channel.PHONE))
                .extracting(FrequencyCap::spec)
                .containsExactly("1/PT72H", "4/PT720H");
    }
}
