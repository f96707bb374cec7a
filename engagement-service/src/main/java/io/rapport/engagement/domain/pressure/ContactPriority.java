package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * Who goes first when contacts compete for one slot: service purposes, then more valuable customers, then the
 * earlier request, then the id (so the order is total and stable).
 */
public record ContactPriority(Purpose purpose, BigDecimal customerValue, Instant requestedAt, String id) {

    public static final Comparator<ContactPriority> ORDER = Comparator
            .comparing((ContactPriority p) -> !p.purpose().service())
            .thenComparing(ContactPriority::customerValue, Comparator.reverseOrder())
            .thenComparing(ContactPriority::requestedAt)
            .thenComparing(ContactPriority::id);
}
