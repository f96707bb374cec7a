package io.rapport.engagement.domain.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Level;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PressureSnapshotTest {
    private static final Instant NOW = Instant.parse("2026-05-09T19:30:00Z"); // a Saturday

    private static PressureRules rules(String caps) {
        return new PressureRules(QuietHours.parse("20:00-08:00"), false, FrequencyCap.parseAll(caps), Set.of());
    }

    @Test
    void aContactExactlyOneWindowAgoNoLongerCountsAndAFutureOneIsPlanned() {
        List<PastContact> timeline = List.of(
                new PastContact(NOW.minusSeconds(3 * 86400), Channel.PHONE),
                new PastContact(NOW.minusSeconds(3 * 86400 - 1), Channel.PHONE),
                new PastContact(NOW, Channel.EMAIL),
                new PastContact(NOW.plusSeconds(3600), Channel.SMS));

        PressureSnapshot s = PressureSnapshot.of(rules("2/P3D"), Level.BASIC, ZoneId.of("UTC"), timeline, NOW);

        assertThat(s.caps()).singleElement().satisfies(c -> {
            assertThat(c.used()).isEqualTo(2);
            assertThat(c.planned()).isEqualTo(1);
            assertThat(c.reached()).isTrue();
        });
    }

    @Test
    void aChannelCapCountsOnlyItsChannelAndALevelCapReplacesTheGeneralOne() {
        List<PastContact> timeline = List.of(
                new PastContact(NOW.minusSeconds(3600), Channel.SMS),
                new PastContact(NOW.minusSeconds(7200), Channel.PHONE));

        PressureSnapshot s = PressureSnapshot.of(
                rules("1/P3D,PARTNERSHIP:3/P3D,@SMS:1/P7D"), Level.PARTNERSHIP, ZoneId.of("UTC"), timeline, NOW);

        assertThat(s.caps())
                .extracting(PressureSnapshot.CapUse::cap)
                .containsExactly("PARTNERSHIP:3/PT72H", "@SMS:1/PT168H");
        assertThat(s.caps()).extracting(PressureSnapshot.CapUse::used).containsExactly(2, 1);
        assertThat(s.caps()).extracting(PressureSnapshot.CapUse::reached).containsExactly(false, true);
    }

    @Test
    void quietHoursAndTheWeekendAreJudgedInTheCustomersZone() {
        PressureSnapshot london =
                PressureSnapshot.of(rules("1/P3D"), Level.BASIC, ZoneId.of("Europe/London"), List.of(), NOW);
        PressureSnapshot newYork =
                PressureSnapshot.of(rules("1/P3D"), Level.BASIC, ZoneId.of("America/New_York"), List.of(), NOW);

        assertThat(london.localTime()).hasToString("20:30");
        assertThat(london.quietHoursNow()).isTrue();
        assertThat(london.weekendNow()).isTrue();
        assertThat(newYork.localTime()).hasToString("15:30");
        assertThat(newYork.quietHoursNow()).isFalse();
        PressureRules weekendsAllowed =
                new PressureRules(QuietHours.NONE, true, FrequencyCap.parseAll("1/P3D"), Set.of());
        assertThat(PressureSnapshot.of(weekendsAllowed, Level.BASIC, ZoneId.of("UTC"), List.of(), NOW)
                        .weekendNow())
                .isFalse();
    }
}
