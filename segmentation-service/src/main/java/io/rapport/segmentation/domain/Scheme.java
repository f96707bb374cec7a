package io.rapport.segmentation.domain;

/** The classification schemes: ABC (Pareto ranking by a value metric) and VALUE (MVC / MGC / BZ / OTHER). */
public enum Scheme {
    ABC,
    VALUE;

    /** Parses a scheme name case-insensitively; null when it names no scheme. */
    public static Scheme parse(String name) {
        if (name == null) {
            return null;
        }
        for (Scheme s : values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        return null;
    }
}
