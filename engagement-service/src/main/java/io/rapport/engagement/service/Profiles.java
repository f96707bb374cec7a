package io.rapport.engagement.service;

import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.platform.persistence.Db;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.hibernate.Session;

/** Finds customer projections: strictly for requests (unknown = 404), leniently for events (unknown = new stub). */
@ApplicationScoped
public class Profiles {
    private final EntityManager em;
    private final Db db;
    private final Clock clock;

    public Profiles(EntityManager em, Db db, Clock clock) {
        this.em = em;
        this.db = db;
        this.clock = clock;
    }

    /**
     * The customer; 404 when engagement has never heard of it; 410 {@code customer-merged} when it was merged away, with
     * the survivor in {@code context.mergedInto} (and {@code context.survivorId}, the key customer-service's 409 uses).
     */
    public CustomerProfile require(UUID id) {
        CustomerProfile p = CustomerProfile.findById(id);
        if (p == null) {
            throw ProblemException.notFound("customer", id);
        }
        if (p.mergedInto != null) {
            throw merged(id, p.mergedInto);
        }
        return p;
    }

    /** 410 Gone: this customer id was merged into {@code survivor}; its contacts, complaints and level live there. */
    public static ProblemException merged(UUID id, UUID survivor) {
        return new ProblemException(
                410,
                "customer-merged",
                "Gone",
                "customer " + id + " was merged into " + survivor,
                null,
                Map.of("mergedInto", survivor.toString(), "survivorId", survivor.toString()));
    }

    /**
     * The customer for an event: a stub row when the event came before the registration. Needs a transaction. The
     * stub is inserted with {@code on conflict do nothing}, so two consumers (customer and segmentation events) that
     * see a new customer at once do not collide.
     */
    public CustomerProfile getOrStub(UUID id) {
        // after loadOrStub(ids) in this transaction: a persistence-context hit, no statement
        CustomerProfile p = CustomerProfile.findById(id);
        if (p == null) {
            em.createNativeQuery(
                            "insert into customer_profile (customer_id, updated_at) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, id)
                    .setParameter(2, clock.instant())
                    .executeUpdate();
            p = CustomerProfile.findById(id);
        }
        return p;
    }

    /**
     * {@link #getOrStub} with the rows locked until the transaction ends (in id order, so two callers cannot wait on
     * each other) and read again under the lock: a merge and an erasure of the same survivor arrive on different
     * partitions and may be applied at once; the lock makes one wait for the other, and the later one sees what the
     * earlier one committed. Pending changes of this transaction are flushed first, so the re-read loses none.
     */
    public List<CustomerProfile> lock(UUID... ids) {
        em.flush();
        return Arrays.stream(ids)
                .sorted()
                .distinct()
                .map(id -> {
                    CustomerProfile p = getOrStub(id);
                    em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
                    return p;
                })
                .toList();
    }

    /**
     * {@link #getOrStub} for a whole poll's customers at once, in two statements: stub rows for the unknown ones, then
     * every profile read into the transaction's persistence context, so the {@code getOrStub} calls that follow read
     * no row. Needs a transaction.
     */
    public void loadOrStub(Collection<UUID> ids) {
        loadOrStub(ids, Set.of());
    }

    /**
     * {@link #loadOrStub(Collection)} where the rows of {@code present} are known to exist (written earlier in this
     * transaction by {@link #insertNew}): no stub is tried for them, and when every row is present the stub statement
     * is not sent.
     */
    public void loadOrStub(Collection<UUID> ids, Set<UUID> present) {
        if (ids.isEmpty()) {
            return;
        }
        UUID[] stubs = ids.stream().filter(id -> !present.contains(id)).toArray(UUID[]::new);
        if (stubs.length > 0) {
            db.update(
                    "insert into customer_profile (customer_id, updated_at) select unnest(?::uuid[]), ?"
                            + " on conflict do nothing",
                    stubs,
                    clock.instant());
        }
        // by id through Hibernate's multi-id loader (one statement, its SQL built once): a JPQL `in ?1` with a list
        // parameter is translated again for every list size, 42% of the consumer's CPU in a profiled create run
        em.unwrap(Session.class).findMultiple(CustomerProfile.class, List.copyOf(ids));
    }

    /**
     * Inserts the rows of customers engagement may not know yet, as they are, in one statement ({@code insert ...
     * select from unnest(...) on conflict do nothing returning}); a customer whose row exists (known before, or stubbed
     * by a concurrent consumer that committed first) keeps its row untouched. Only the columns a registration sets are
     * written, the others take the table's defaults as a stub's do. Needs a transaction.
     *
     * @return the customers whose row this statement created
     */
    public Set<UUID> insertNew(List<CustomerProfile> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.list(
                "insert into customer_profile (customer_id, time_zone, owner_id, consent_phone, consent_email,"
                        + " consent_sms, consent_post, do_not_contact, channel_preference, status, updated_at, version)"
                        + " select r.* from unnest(?::uuid[], ?::text[], ?::text[], ?::boolean[], ?::boolean[],"
                        + " ?::boolean[], ?::boolean[], ?::boolean[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[])"
                        + " as r(customer_id, time_zone, owner_id, consent_phone, consent_email, consent_sms,"
                        + " consent_post, do_not_contact, channel_preference, status, updated_at, version)"
                        + " on conflict do nothing returning customer_id",
                rs -> rs.getObject(1, UUID.class),
                column(rows, p -> p.customerId, UUID[]::new),
                column(rows, p -> p.timeZone, String[]::new),
                column(rows, p -> p.ownerId, String[]::new),
                column(rows, p -> p.consentPhone, Boolean[]::new),
                column(rows, p -> p.consentEmail, Boolean[]::new),
                column(rows, p -> p.consentSms, Boolean[]::new),
                column(rows, p -> p.consentPost, Boolean[]::new),
                column(rows, p -> p.doNotContact, Boolean[]::new),
                column(rows, p -> p.channelPreference, String[]::new),
                column(rows, p -> p.status, String[]::new),
                column(rows, p -> p.updatedAt, Instant[]::new),
                column(rows, p -> p.version, Long[]::new)));
    }

    private static <T> T[] column(
            List<CustomerProfile> rows, Function<CustomerProfile, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
