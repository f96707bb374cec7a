package io.rapport.gateway.domain;

import java.util.Locale;

/**
 * Paths the gateway refuses before routing: encoded slashes, backslashes and encoded dots could make a
 * service see a different path from the one the role matrix was checked on.
 */
public final class PathRules {
    private PathRules() {}

    public static boolean ambiguous(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%2e")
                || lower.contains("\\")
                || lower.contains("%00")
                || lower.contains("//");
    }
}
