package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Channel;
import java.util.List;
import java.util.Set;

/**
 * The contact-pressure settings in force.
 *
 * @param allowWeekends false: no contact on Saturday or Sunday in the customer's zone
 * @param implicitConsent channels allowed when the customer has neither granted nor refused consent for them
 *        (an explicit refusal always blocks)
 */
public record PressureRules(
        QuietHours quietHours, boolean allowWeekends, List<FrequencyCap> caps, Set<Channel> implicitConsent) {

    public static PressureRules defaults() {
        return new PressureRules(
                QuietHours.parse("20:00-08:00"),
                false,
                FrequencyCap.parseAll("1/P3D,4/P30D"),
                Set.of(Channel.PHONE, Channel.VISIT, Channel.MEETING));
    }
}
