package io.rapport.platform.rest;

/**
 * Version-based entity tags: {@code ETag: "7"} on reads; an update with {@code If-Match} naming another
 * version is refused with 412. Without If-Match an update applies to whatever version is current.
 */
public final class ETags {
    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Throws 412 when {@code ifMatch} is present and does not name {@code currentVersion} (or {@code *}). */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(of(currentVersion))) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(
                "If-Match " + ifMatch.trim() + " does not match the current version " + of(currentVersion));
    }
}
