package io.rapport.engagement.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The level a customer's classes call for: for each scheme the class's mapped level (when the mapping has one)
 * or else the level segmentation recommended with the class; over all schemes the highest of them, so a customer
 * who is valuable in any scheme gets the closer relationship.
 */
public final class LevelResolver {

    /** A customer's current class in one scheme. */
    public record SchemeClass(String scheme, String classLabel, Level recommended) {}

    private LevelResolver() {}

    public static String key(String scheme, String classLabel) {
        return scheme + "/" + classLabel;
    }

    /**
     * Why the classes give their level, from the current classes only (a reclassification that keeps the level still
     * changes the reason): each scheme's class with the level it gives, mapped or recommended.
     */
    public static String reason(List<SchemeClass> classes, Map<String, Level> mapping) {
        return String.join(
                ", ",
                classes.stream()
                        .map(c -> {
                            Level mapped = mapping.get(key(c.scheme(), c.classLabel()));
                            String gives = mapped != null
                                    ? " (mapped to " + mapped + ")"
                                    : c.recommended() != null ? " (recommends " + c.recommended() + ")" : "";
                            return c.scheme() + " " + c.classLabel() + gives;
                        })
                        .toList());
    }

    /**
     * @param mapping {@link #key(String, String)} to level
     * @return empty when no class gives a level (never classified, or no recommendation and no mapping)
     */
    public static Optional<Level> resolve(List<SchemeClass> classes, Map<String, Level> mapping) {
        return classes.stream()
                .map(c -> Optional.ofNullable(mapping.get(key(c.scheme(), c.classLabel())))
                        .orElse(c.recommended()))
                .filter(l -> l != null)
                .max(Enum::compareTo);
    }
}
