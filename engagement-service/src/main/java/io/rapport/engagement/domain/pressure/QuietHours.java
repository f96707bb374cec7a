package io.rapport.engagement.domain.pressure;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A daily local-time window in which nobody is contacted, {@code start} inclusive to {@code end} exclusive; it
 * wraps past midnight when start is after end (20:00-08:00). Equal start and end means no quiet hours. Times
 * are wall-clock times in the customer's zone, so the window follows daylight-saving changes.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /** Parses {@code HH:mm-HH:mm}; an empty text or {@code none} means no quiet hours. */
    public static QuietHours parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        String[] parts = spec.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours must look like 20:00-08:00, got '" + spec + "'");
        }
        try {
            return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("quiet hours must look like 20:00-08:00, got '" + spec + "'");
        }
    }

    public boolean contains(LocalTime t) {
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }

    /**
     * The first moment at or after {@code at} that is outside the window: {@code at} itself when it is outside,
     * else the end of this window on the right local date (a wall-clock end that falls into a spring-forward gap
     * is shifted forward by the gap, as {@link ZonedDateTime#of} does).
     */
    public ZonedDateTime firstAllowed(ZonedDateTime at) {
        LocalTime t = at.toLocalTime();
        if (!contains(t)) {
            return at;
        }
        boolean endIsNextDay = start.isAfter(end) && !t.isBefore(start);
        ZonedDateTime candidate =
                ZonedDateTime.of(endIsNextDay ? at.toLocalDate().plusDays(1) : at.toLocalDate(), end, at.getZone());
        return candidate.isBefore(at) ? at : candidate;
    }

    @Override
    public String toString() {
        return start.equals(end) ? "none" : start + "-" + end;
    }
}
