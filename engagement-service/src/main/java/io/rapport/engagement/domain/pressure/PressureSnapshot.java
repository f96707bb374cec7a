package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Level;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The contact pressure a customer is under at one moment, as the rules see it: per frequency cap that governs the
 * customer's level, how many outbound contacts it already counts in the window ending now ({@code used}, made or due
 * in {@code (now - window, now]}) and how many are planned in the window starting now ({@code planned}, due in
 * {@code (now, now + window)}); and whether it is quiet hours or a blocked weekend day in the customer's zone now.
 *
 * @param localTime the customer's wall-clock time now
 */
public record PressureSnapshot(
        Level level, ZoneId zone, LocalTime localTime, boolean quietHoursNow, boolean weekendNow, List<CapUse> caps) {

    /** One cap: its text form, what it means, and its use around now. {@code channel} null: every channel. */
    public record CapUse(String cap, String description, Channel channel, int max, int used, int planned) {
        /** Whether another contact now would exceed this cap. */
        public boolean reached() {
            return used >= max;
        }
    }

    /** Computes the snapshot; {@code timeline} holds the customer's contacts that count against the caps. */
    public static PressureSnapshot of(
            PressureRules rules, Level level, ZoneId zone, List<PastContact> timeline, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        boolean weekend = !rules.allowWeekends() && (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY);
        List<CapUse> caps = new ArrayList<>();
        for (FrequencyCap cap : governing(rules.caps(), level)) {
            Instant from = now.minus(cap.window());
            Instant to = now.plus(cap.window());
            int used = 0;
            int planned = 0;
            for (PastContact c : timeline) {
                if (cap.channel() != null && cap.channel() != c.channel()) {
                    continue;
                }
                if (c.at().isAfter(from) && !c.at().isAfter(now)) {
                    used++;
                } else if (c.at().isAfter(now) && c.at().isBefore(to)) {
                    planned++;
                }
            }
            caps.add(new CapUse(cap.spec(), cap.describe(), cap.channel(), cap.max(), used, planned));
        }
        return new PressureSnapshot(
                level,
                zone,
                local.toLocalTime().withNano(0),
                rules.quietHours().contains(local.toLocalTime()),
                weekend,
                caps);
    }

    /**
     * The caps that govern a customer at {@code level}: for every-channel caps and for each channel's caps, the ones
     * for this level when there are any, else the ones for every level ({@link FrequencyCap#applicable}).
     */
    static List<FrequencyCap> governing(List<FrequencyCap> caps, Level level) {
        Set<FrequencyCap> out = new LinkedHashSet<>(FrequencyCap.applicable(caps, level, null));
        for (Channel channel : Channel.values()) {
            out.addAll(FrequencyCap.applicable(caps, level, channel));
        }
        return List.copyOf(out);
    }
}
