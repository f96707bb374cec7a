package io.rapport.customer.service;

import io.rapport.customer.model.CustomerView;
import io.rapport.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The current consent per channel (table customer_consent) and the one rule that decides it: a decision replaces the
 * current one of its channel unless the current one was decided later; on the same {@code decided_at} the decision
 * applied last wins (a new decision over the stored one, in a merge the merged record's over the survivor's). Both
 * writers, a single decision ({@link #decide}) and a merge ({@link #absorb}), are one upsert ending in {@link #UPSERT}.
 */
@ApplicationScoped
public class ConsentStore {
    private final EntityManager em;
    private final Db db;

    public ConsentStore(EntityManager em, Db db) {
        this.em = em;
        this.db = db;
    }

    public List<CustomerView.ConsentView> current(UUID customerId) {
        return db.list(
                "select channel, granted, source, decided_at from customer_consent where customer_id = ?"
                        + " order by channel",
                rs -> new CustomerView.ConsentView(
                        rs.getString("channel"),
                        rs.getObject("granted", Boolean.class),
                        rs.getString("source"),
                        Db.instant(rs, "decided_at")),
                customerId);
    }

    public Map<String, Boolean> asMap(List<CustomerView.ConsentView> consents) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        consents.forEach(c -> map.put(c.channel(), c.granted()));
        return map;
    }

    /** Where a decision meets the current one of its channel: the precedence rule, written once. */
    static final String UPSERT = " on conflict (customer_id, channel) do update"
            + " set granted = excluded.granted, source = excluded.source, decided_at = excluded.decided_at"
            + " where customer_consent.decided_at <= excluded.decided_at";

    /** Records the decision unless a more recent one is already stored; true when it became current. */
    public boolean decide(UUID customerId, String channel, boolean granted, String source, Instant decidedAt) {
        return em.createNativeQuery("insert into customer_consent (customer_id, channel, granted, source, decided_at)"
                                + " values (?1, ?2, ?3, ?4, ?5)"
                                + UPSERT)
                        .setParameter(1, customerId)
                        .setParameter(2, channel)
                        .setParameter(3, granted)
                        .setParameter(4, source)
                        .setParameter(5, decidedAt)
                        .executeUpdate()
                == 1;
    }

    /**
     * A merge: the merged record's current consents are decided onto the survivor by the same rule (each one a
     * decision applied now), then the merged record holds none.
     */
    public void absorb(UUID survivorId, UUID mergedId) {
        em.createNativeQuery("insert into customer_consent (customer_id, channel, granted, source, decided_at)"
                        + " select ?1, channel, granted, source, decided_at from customer_consent where customer_id = ?2"
                        + UPSERT)
                .setParameter(1, survivorId)
                .setParameter(2, mergedId)
                .executeUpdate();
        em.createNativeQuery("delete from customer_consent where customer_id = ?1")
                .setParameter(1, mergedId)
                .executeUpdate();
    }
}
