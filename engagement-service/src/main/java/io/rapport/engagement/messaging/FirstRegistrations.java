package io.rapport.engagement.messaging;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which registrations of a poll may be written as the customer's new profile row straight away, with nothing to follow
 * (issue 18): a registration that is the first event of the poll naming its customer. If the customer's row does not
 * exist yet either, engagement has no trace of it: nothing earlier in the poll moved contacts or complaints to it
 * (merges name both customers), nothing planned for it (purchases name theirs), and nothing outside the poll could (a
 * contact, complaint or plan needs the profile row). Its consents then have no open contacts to follow and no plans to
 * re-place. Whether the row is new is for the database to say; this is the part decided from the poll alone.
 */
final class FirstRegistrations {
    /**
     * What one event of the poll names.
     *
     * @param customers every customer the event's effect reads or changes (its subject and the ids in its payload)
     * @param registers the customer it registers when it is a registration that will be applied, else {@code null}
     */
    record Names(Set<UUID> customers, UUID registers) {
        Names {
            customers = Set.copyOf(customers);
        }
    }

    private FirstRegistrations() {}

    /**
     * Per customer, its registration that is the first event of {@code events} naming it, in poll order. An event whose
     * names cannot be told ({@code names} answers {@code null}: a payload that does not read) may name anyone: no later
     * registration qualifies.
     */
    static <E> Map<UUID, E> of(List<E> events, Function<E, Names> names) {
        Map<UUID, E> first = new LinkedHashMap<>();
        Set<UUID> named = new HashSet<>();
        for (E e : events) {
            Names n = names.apply(e);
            if (n == null) {
                break;
            }
            if (n.registers() != null && !named.contains(n.registers())) {
                first.put(n.registers(), e);
            }
            named.addAll(n.customers());
            if (n.registers() != null) {
                named.add(n.registers());
            }
        }
        return first;
    }
}
