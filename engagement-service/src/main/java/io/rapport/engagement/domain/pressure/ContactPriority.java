package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Who goes first when contacts compete for one slot: the purpose's rank ({@link Purpose#rank}: service, then
 * relationship, then marketing), then more valuable customers, then the earlier request, then the id (so the order is
 * total and stable). A marketing contact never outranks a service contact, whatever the customer's value or the request
 * time. {@link #ORDER} is the rule in Java (re-placing a customer's contacts); {@link #sqlOrderBy} writes the same rule
 * as an SQL ORDER BY (the dispatcher's claims), so the two cannot drift apart.
 *
 * <p>Service contacts (complaint follow-ups, satisfaction calls) win a slot at planning time: when the caps are full,
 * a new service contact may displace marketing contacts ({@link #mayDisplace}), which are placed again after it.
 */
public record ContactPriority(Purpose purpose, BigDecimal customerValue, Instant requestedAt, String id) {

    /** Purposes from the first to the last served. */
    public static final List<Purpose> RANKING = Arrays.stream(Purpose.values())
            .sorted(Comparator.comparingInt(Purpose::rank))
            .toList();

    public static final Comparator<ContactPriority> ORDER = Comparator.comparingInt(
                    (ContactPriority p) -> p.purpose().rank())
            .thenComparing(ContactPriority::value, Comparator.reverseOrder())
            .thenComparing(ContactPriority::requestedAt)
            .thenComparing(ContactPriority::id);

    /** A missing value counts as zero. */
    private BigDecimal value() {
        return customerValue == null ? BigDecimal.ZERO : customerValue;
    }

    /**
     * {@link #ORDER} as an SQL ORDER BY list over a contact row: {@code purpose} (the enum's name), {@code
     * customer_value}, {@code requested_at} and {@code id} (a uuid, whose order is that of its text form).
     *
     * @param alias the contact table's alias in the query, or empty
     */
    public static String sqlOrderBy(String alias) {
        String p = alias.isEmpty() ? "" : alias + ".";
        StringBuilder sql = new StringBuilder("case ").append(p).append("purpose");
        for (Purpose purpose : Purpose.values()) {
            sql.append(" when '").append(purpose.name()).append("' then ").append(purpose.rank());
        }
        return sql.append(" end, coalesce(")
                .append(p)
                .append("customer_value, 0) desc, ")
                .append(p)
                .append("requested_at, ")
                .append(p)
                .append("id")
                .toString();
    }

    /** Whether a new contact for {@code incoming} may take the slot of a planned contact for {@code planned}. */
    public static boolean mayDisplace(Purpose incoming, Purpose planned) {
        return incoming.service() && planned.marketing();
    }
}
