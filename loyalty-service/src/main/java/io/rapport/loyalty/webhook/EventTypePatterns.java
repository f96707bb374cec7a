package io.rapport.loyalty.webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The event types a subscription asks for: exact CloudEvent type names ({@code rapport.loyalty.points-earned.v1}) or
 * wildcards ending in {@code *} after a dot ({@code rapport.loyalty.*}, {@code rapport.*}, or {@code *}). A pattern is
 * valid only when it names, or matches, at least one type the owner is entitled to; a wildcard never widens the
 * entitlement (fan-out matches the owner's entitled types only).
 */
public final class EventTypePatterns {
    private static final Pattern SHAPE = Pattern.compile("^(\\*|[a-z0-9-]+(\\.[a-z0-9-]+)*(\\.\\*)?)$");
    static final int MAX_PATTERNS = 50;

    private EventTypePatterns() {}

    /**
     * The patterns, trimmed and without duplicates, or the first problem as a field error: the field is
     * {@code eventTypes} or {@code eventTypes[i]}; the message never repeats the value.
     */
    public static Result validate(List<String> patterns, Set<String> entitled) {
        if (patterns == null || patterns.isEmpty()) {
            return Result.error("eventTypes", "must name at least one event type or wildcard");
        }
        if (patterns.size() > MAX_PATTERNS) {
            return Result.error("eventTypes", "at most " + MAX_PATTERNS + " patterns");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i) == null ? "" : patterns.get(i).trim();
            String field = "eventTypes[" + i + "]";
            if (p.length() > 200 || !SHAPE.matcher(p).matches()) {
                return Result.error(
                        field, "must be an event type name or a prefix ending in .* (e.g. rapport.loyalty.*)");
            }
            if (entitled.stream().noneMatch(t -> matches(p, t))) {
                return Result.error(
                        field,
                        p.endsWith("*")
                                ? "matches no event type this subscriber may receive"
                                : "unknown event type, or one this subscriber may not receive");
            }
            out.add(p);
        }
        return new Result(List.copyOf(out), null, null);
    }

    public static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }

    public static boolean matchesAny(Collection<String> patterns, String type) {
        return patterns.stream().anyMatch(p -> matches(p, type));
    }

    /** The entitled types the patterns match, sorted. */
    public static List<String> expand(Collection<String> patterns, Set<String> entitled) {
        return new ArrayList<>(new TreeSet<>(
                entitled.stream().filter(t -> matchesAny(patterns, t)).toList()));
    }

    public static List<String> parse(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
    }

    public record Result(List<String> patterns, String field, String message) {
        static Result error(String field, String message) {
            return new Result(null, field, message);
        }

        public Optional<String> error() {
            return Optional.ofNullable(field);
        }
    }
}
