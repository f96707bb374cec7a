package io.rapport.engagement.domain.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    @Test
    void aWindowAcrossMidnightCoversTheLateEveningAndTheEarlyMorning() {
        QuietHours q = QuietHours.parse("20:00-08:00");
        assertThat(q.contains(LocalTime.of(20, 0))).isTrue();
        assertThat(q.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(q.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(q.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(q.contains(LocalTime.of(19, 59))).isFalse();
    }

    @Test
    void aWindowWithinOneDayCoversOnlyItsHours() {
        QuietHours lunch = QuietHours.parse("12:00-13:30");
        assertThat(lunch.contains(LocalTime.of(12, 30))).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 30))).isFalse();
        assertThat(lunch.contains(LocalTime.of(2, 0))).isFalse();
    }

    @Test
    void noneMeansNoQuietHours() {
        assertThat(QuietHours.parse("none").contains(LocalTime.of(3, 0))).isFalse();
        assertThat(QuietHours.parse("").toString()).isEqualTo("none");
    }

    @Test
    void textThatIsNotTwoTimesIsRefused() {
        assertThatThrownBy(() -> QuietHours.parse("8pm-8am"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20:00-08:00");
        assertThatThrownBy(() -> QuietHours.parse("25:00-08:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuietHours.parse("20:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
