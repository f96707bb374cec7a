package io.rapport.loyalty.service;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.PointsExpired;
import io.rapport.loyalty.domain.FifoLots;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.PointsLot;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Expires a member's lots that are due: each expired lot becomes one EXPIRE entry with the lot as its unique source.
 * Runs under the member's row lock, both from the hourly {@link ExpiryJob} and at every booking ({@link Ledger#lock}), so
 * expiry holds at the moment of a redemption, not only once the job has run.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PointsExpiry {
    private final EntityManager em;
    private final Outbox outbox;

    public PointsExpiry(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** Expires the member's due lots as of {@code now}; the member row must be locked. Answers the points expired. */
    public long expireDue(Member m, Instant now) {
        List<PointsLot> lots = PointsLot.list("memberId = ?1 and remaining > 0 and expiresAt <= ?2", m.id, now);
        long total = 0;
        for (FifoLots.Lot lot : FifoLots.expired(lots.stream().map(PointsLot::lot).toList(), now)) {
            PointsLot row = lots.stream().filter(l -> l.entryId.equals(lot.id())).findFirst().orElseThrow();
            long points = Math.min(row.remaining, m.pointsBalance);
            row.remaining = 0;
            if (points == 0) {
                continue;
            }
            LedgerEntry e = new LedgerEntry();
            e.id = UUID.randomUUID();
            e.programmeId = m.programmeId;
            e.memberId = m.id;
            e.kind = Kind.EXPIRE;
            e.points = -points;
            e.reason = "points earned " + lot.earnedAt() + " expired " + lot.expiresAt();
            e.source = "EXPIRY";
            e.sourceKey = "expiry:" + lot.id();
            e.relatedKey = null;
            e.occurredAt = lot.expiresAt();
            e.createdAt = now;
            e.persist();
            m.pointsBalance -= points;
            total += points;
            if (m.customerId != null) {
                outbox.publish(LoyaltyEvents.POINTS_EXPIRED, m.customerId, new PointsExpired(e.id.toString(), m.id.toString(),
                        m.programmeId.toString(), m.customerId.toString(), points, m.pointsBalance, now));
            }
        }
        return total;
    }

    /**
     * Points of these members that are past their expiry at {@code now} but not yet booked as expired (read only, no
     * lock): what a balance shown now must leave out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Long> dueButNotBooked(Collection<UUID> members, Instant now) {
        Map<UUID, Long> due = new HashMap<>();
        if (members.isEmpty()) {
            return due;
        }
        List<Object[]> rows = em.createQuery("select l.memberId, sum(l.remaining) from PointsLot l where l.memberId in ?1"
                + " and l.remaining > 0 and l.expiresAt <= ?2 group by l.memberId", Object[].class)
                .setParameter(1, members).setParameter(2, now).getResultList();
        for (Object[] r : rows) {
            due.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return due;
    }

    /** The balance a member can spend at {@code now}: the booked balance minus points due to expire. */
    public static long spendable(Member m, Map<UUID, Long> due) {
        return Math.max(0, m.pointsBalance - due.getOrDefault(m.id, 0L));
    }
}
