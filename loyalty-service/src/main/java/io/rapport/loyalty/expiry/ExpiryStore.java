package io.rapport.loyalty.expiry;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.PointsExpired;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.PointsLot;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads and stores for points expiry. {@link #DUE} is the one definition of a lot due to expire at {@code :now}: it
 * still holds points and its expiry is at or before that moment (a lot without expiry never is); the job's claim, the
 * lots a booking expires first and the points a balance shown leaves out all use it.
 */
@ApplicationScoped
public class ExpiryStore {
    /** A lot ({@code points_lot l}) due at the parameter {@code :now}. */
    static final String DUE = "l.remaining > 0 and l.expires_at <= :now";

    private final EntityManager em;
    private final Outbox outbox;

    public ExpiryStore(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** Up to {@code limit} members with due lots, their rows locked; members another replica holds are skipped. */
    @SuppressWarnings("unchecked")
    List<UUID> claim(Instant now, int limit) {
        return em.createNativeQuery(
                        "select m.id from member m where m.id in (select l.member_id from points_lot l where " + DUE
                                + ") order by m.id limit :limit for update of m skip locked",
                        UUID.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** The due lots of these members (managed: the store empties them). */
    @SuppressWarnings("unchecked")
    List<PointsLot> dueLots(Collection<UUID> members, Instant now) {
        if (members.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery(
                        "select l.* from points_lot l where l.member_id in (:members) and " + DUE, PointsLot.class)
                .setParameter("members", members)
                .setParameter("now", now)
                .getResultList();
    }

    /** Points of these members due at {@code now}, booked or not (read only). */
    @SuppressWarnings("unchecked")
    Map<UUID, Long> duePoints(Collection<UUID> members, Instant now) {
        Map<UUID, Long> due = new HashMap<>();
        if (members.isEmpty()) {
            return due;
        }
        List<Object[]> rows = em.createNativeQuery(
                        "select l.member_id, sum(l.remaining) from points_lot l where l.member_id in (:members)"
                                + " and " + DUE + " group by l.member_id")
                .setParameter("members", members)
                .setParameter("now", now)
                .getResultList();
        for (Object[] r : rows) {
            due.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return due;
    }

    /**
     * Books one member's expirations: the lots emptied, an EXPIRE entry (the lot its unique source) and an event per lot
     * that expired points, the balance lowered.
     */
    void store(Member m, Map<UUID, PointsLot> lots, List<ExpiryDecision.Expiration> expirations, Instant now) {
        for (ExpiryDecision.Expiration x : expirations) {
            lots.get(x.lot().id()).remaining = 0;
            if (x.points() == 0) {
                continue;
            }
            LedgerEntry e = new LedgerEntry();
            e.id = UUID.randomUUID();
            e.programmeId = m.programmeId;
            e.memberId = m.id;
            e.kind = Kind.EXPIRE;
            e.points = -x.points();
            e.reason = "points earned " + x.lot().earnedAt() + " expired "
                    + x.lot().expiresAt();
            e.source = "EXPIRY";
            e.sourceKey = "expiry:" + x.lot().id();
            e.relatedKey = null;
            e.occurredAt = x.lot().expiresAt();
            e.createdAt = now;
            e.persist();
            m.pointsBalance = x.balanceAfter();
            if (m.customerId != null) {
                outbox.publish(
                        LoyaltyEvents.POINTS_EXPIRED,
                        m.customerId,
                        new PointsExpired(
                                e.id.toString(),
                                m.id.toString(),
                                m.programmeId.toString(),
                                m.customerId.toString(),
                                x.points(),
                                m.pointsBalance,
                                now));
            }
        }
    }
}
