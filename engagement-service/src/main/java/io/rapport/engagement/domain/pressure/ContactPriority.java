package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Who goes first when contacts compete for one slot: the purpose's rank ({@link #RANKING}: service, then relationship,
 * then marketing), then more valuable customers, then the earlier request, then the id (so the order is total and
 * stable). A marketing contact never outranks a service contact, whatever the customer's value or the request time.
 *
 * <p>Service contacts (complaint follow-ups, satisfaction calls) win a slot at planning time: when the caps are full,
 * a new service contact may displace marketing contacts ({@link #mayDisplace}), which are placed again after it.
 */
public record ContactPriority(Purpose purpose, BigDecimal customerValue, Instant requestedAt, String id) {

    /** Purposes from the first to the last served. */
    public static final List<Purpose> RANKING = List.of(
            Purpose.COMPLAINT_FOLLOW_UP,
            Purpose.SATISFACTION_CHECK,
            Purpose.REVIEW,
            Purpose.CHECK_IN,
            Purpose.CONTACT_US,
            Purpose.CAMPAIGN);

    public static final Comparator<ContactPriority> ORDER = Comparator.comparingInt(
                    (ContactPriority p) -> rank(p.purpose()))
            .thenComparing(
                    p -> p.customerValue() == null ? BigDecimal.ZERO : p.customerValue(), Comparator.reverseOrder())
            .thenComparing(ContactPriority::requestedAt)
            .thenComparing(ContactPriority::id);

    /** 0 for the first served purpose. */
    public static int rank(Purpose purpose) {
        int i = RANKING.indexOf(purpose);
        return i < 0 ? RANKING.size() : i;
    }

    /** Contacts made for the customer's sake about something they bought or complained about. */
    public static boolean service(Purpose purpose) {
        return purpose == Purpose.COMPLAINT_FOLLOW_UP || purpose == Purpose.SATISFACTION_CHECK;
    }

    /** Whether a new contact for {@code incoming} may take the slot of a planned contact for {@code planned}. */
    public static boolean mayDisplace(Purpose incoming, Purpose planned) {
        return service(incoming) && planned.marketing();
    }
}
