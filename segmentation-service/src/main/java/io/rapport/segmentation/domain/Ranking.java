package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.UUID;

/** The order every scheme ranks by: value highest first, ties by customer id as PostgreSQL orders uuids. */
public final class Ranking {
    private Ranking() {
    }

    /** PostgreSQL compares uuids byte by byte, which is the order of their lower-case text form. */
    public static final Comparator<UUID> CUSTOMER_ID = Comparator.comparing(UUID::toString);

    public static <T> Comparator<T> highestFirst(java.util.function.Function<T, BigDecimal> value,
            java.util.function.Function<T, UUID> id) {
        return Comparator.comparing(value, Comparator.reverseOrder()).thenComparing(id, CUSTOMER_ID);
    }

    /** Whether the share {@code before / total} (as percent) has reached {@code cutoff}: exact, no rounding. */
    public static boolean reached(BigDecimal before, BigDecimal total, BigDecimal cutoff) {
        return before.multiply(BigDecimal.valueOf(100)).compareTo(cutoff.multiply(total)) >= 0;
    }
}
