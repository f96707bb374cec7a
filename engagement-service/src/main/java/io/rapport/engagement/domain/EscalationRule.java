package io.rapport.engagement.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What happens to an open complaint past its SLA due date. The rule is an ordered list of levels; level n (1-based,
 * its position) applies to complaints of at least its minimum severity once they are overdue by more than its delay
 * ({@code after}, counted from the due date). Reaching a level reassigns the complaint to the level's escalation
 * assignee or team (when it names one) and notifies the ids it lists. A complaint is escalated once per level:
 * {@link #decide} answers the highest level reached above the complaint's current one, so a complaint that passed two
 * levels between two runs of the job reaches the higher one in one step, and nothing when no new level applies.
 *
 * <p>Spec ({@link #parse}): levels separated by {@code ;}, each a list of {@code key=value}: {@code after=} ISO-8601
 * duration (default PT0S: as soon as it is overdue), {@code severity=} the lowest severity it applies to (default
 * LOW), {@code assign=} the escalation assignee or team, {@code notify=} comma-separated ids. Each level must assign
 * or notify; delays may not decrease from one level to the next. {@code none} (or blank) disables escalation.
 */
public record EscalationRule(List<Level> levels) {

    /** @param number 1-based position; @param assignTo null: keep the assignee */
    public record Level(int number, Duration after, Severity minSeverity, String assignTo, List<String> notifyIds) {
        public boolean appliesTo(Severity s) {
            return s.compareTo(minSeverity) >= 0;
        }

        /** Overdue by more than {@code after}: strictly after the due date plus the delay. */
        public boolean reached(Instant dueAt, Instant now) {
            return now.isAfter(dueAt.plus(after));
        }
    }

    public EscalationRule {
        levels = List.copyOf(levels);
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).after().compareTo(levels.get(i - 1).after()) < 0) {
                throw new IllegalArgumentException(
                        "escalation level " + (i + 1) + " comes before level " + i + ": delays may not decrease");
            }
        }
    }

    /**
     * The level an open complaint reaches now, if it is higher than {@code currentLevel} (0: never escalated).
     *
     * @return the highest level that applies to the severity and whose delay has passed, above the current one
     */
    public Optional<Level> decide(Severity severity, Instant dueAt, int currentLevel, Instant now) {
        for (int i = levels.size() - 1; i >= 0 && i + 1 > currentLevel; i--) {
            Level l = levels.get(i);
            if (l.appliesTo(severity) && l.reached(dueAt, now)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The shortest delay of any level: a complaint due after {@code now - shortestDelay()} cannot escalate yet. */
    public Duration shortestDelay() {
        return levels.isEmpty() ? Duration.ZERO : levels.get(0).after();
    }

    /** Severities some level applies to. */
    public Set<Severity> severities() {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        for (Severity s : Severity.values()) {
            if (levels.stream().anyMatch(l -> l.appliesTo(s))) {
                out.add(s);
            }
        }
        return out;
    }

    public static EscalationRule parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return new EscalationRule(List.of());
        }
        List<Level> levels = new ArrayList<>();
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int number = levels.size() + 1;
            Duration after = Duration.ZERO;
            Severity min = Severity.LOW;
            String assign = null;
            List<String> notify = List.of();
            for (String token : part.trim().split("\\s+")) {
                int eq = token.indexOf('=');
                if (eq < 1 || eq == token.length() - 1) {
                    throw new IllegalArgumentException(
                            "escalation level " + number + ": '" + token + "' is not key=value");
                }
                String key = token.substring(0, eq).toLowerCase(Locale.ROOT);
                String value = token.substring(eq + 1);
                switch (key) {
                    case "after" -> after = duration(number, value);
                    case "severity" -> min = severity(number, value);
                    case "assign" -> assign = value;
                    case "notify" ->
                        notify = Arrays.stream(value.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList();
                    default ->
                        throw new IllegalArgumentException("escalation level " + number + ": unknown key '" + key
                                + "' (after, severity, assign, notify)");
                }
            }
            if (assign == null && notify.isEmpty()) {
                throw new IllegalArgumentException("escalation level " + number + " must assign or notify");
            }
            levels.add(new Level(number, after, min, assign, notify));
        }
        return new EscalationRule(levels);
    }

    private static Duration duration(int number, String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative()) {
                throw new IllegalArgumentException("escalation level " + number + ": after may not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "escalation level " + number + ": after=" + value
                            + " is not an ISO-8601 duration (PT0S, PT4H, P1D)",
                    e);
        }
    }

    private static Severity severity(int number, String value) {
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "escalation level " + number + ": severity=" + value + " is not one of LOW, MEDIUM, HIGH, CRITICAL",
                    e);
        }
    }
}
