package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Level;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * At most {@code max} outbound contacts in any window of length {@code window} (half-open: a contact exactly
 * {@code window} earlier no longer counts). A cap may be limited to one level and/or one channel (null = any);
 * a channel cap counts only contacts on that channel, a cap without channel counts every channel together.
 *
 * <p>Text form, comma separated: {@code 1/P3D} (everyone), {@code PARTNERSHIP:2/P3D} (one level),
 * {@code @SMS:1/P7D} (one channel), {@code PROACTIVE@EMAIL:2/P7D} (both).
 */
public record FrequencyCap(Level level, Channel channel, int max, Duration window) {

    public FrequencyCap {
        if (max < 1) {
            throw new IllegalArgumentException("a cap allows at least 1 contact, got " + max);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a cap window must be positive");
        }
    }

    public static List<FrequencyCap> parseAll(String spec) {
        List<FrequencyCap> caps = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return caps;
        }
        for (String token : spec.split(",")) {
            caps.add(parse(token.trim()));
        }
        return caps;
    }

    public static FrequencyCap parse(String token) {
        try {
            String scope = "";
            String rule = token;
            int colon = token.indexOf(':');
            if (colon >= 0) {
                scope = token.substring(0, colon).trim().toUpperCase(Locale.ROOT);
                rule = token.substring(colon + 1).trim();
            }
            String[] parts = rule.split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected max/ISO-duration");
            }
            int max = Integer.parseInt(parts[0].trim());
            Duration window = Duration.parse(parts[1].trim());
            String[] levelChannel = scope.split("@", -1);
            Level level = levelChannel[0].isEmpty() ? null : Level.valueOf(levelChannel[0]);
            Channel channel =
                    levelChannel.length > 1 && !levelChannel[1].isEmpty() ? Channel.valueOf(levelChannel[1]) : null;
            return new FrequencyCap(level, channel, max, window);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("frequency cap '" + token
                    + "' does not parse (e.g. 1/P3D, PARTNERSHIP:2/P3D," + " @SMS:1/P7D): " + e.getMessage());
        }
    }

    /** The caps that govern a contact on {@code channel} for a customer at {@code level}. */
    public static List<FrequencyCap> applicable(List<FrequencyCap> caps, Level level, Channel channel) {
        List<FrequencyCap> out = new ArrayList<>();
        for (Channel scope : new Channel[] {null, channel}) {
            List<FrequencyCap> forLevel = caps.stream()
                    .filter(c -> c.channel == scope && c.level != null && c.level == level)
                    .toList();
            out.addAll(
                    !forLevel.isEmpty()
                            ? forLevel
                            : caps.stream()
                                    .filter(c -> c.channel == scope && c.level == null)
                                    .toList());
        }
        return out;
    }

    public String spec() {
        String scope = (level == null ? "" : level.name()) + (channel == null ? "" : "@" + channel.name());
        return (scope.isEmpty() ? "" : scope + ":") + max + "/" + window;
    }

    public String describe() {
        return "at most " + max + " outbound contact" + (max == 1 ? "" : "s")
                + (channel == null ? "" : " by " + channel) + " in "
                + (window.toHours() % 24 == 0 ? window.toDays() + " days" : window.toHours() + " hours")
                + (level == null ? "" : " for " + level);
    }
}
