package io.rapport.loyalty.service;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.PointsEarned;
import io.rapport.contracts.loyalty.PointsRedeemed;
import io.rapport.loyalty.domain.FifoLots;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.PointsLot;
import io.rapport.loyalty.domain.Programme;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Books points. Every method runs inside the caller's transaction and expects the member row to be locked
 * with {@link #lock}, so the balance check and the debit are one step for concurrent requests; the
 * {@code points_balance >= 0} constraint is the last line of defence.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {
    private final EntityManager em;
    private final Outbox outbox;

    public Ledger(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** The member, its row locked until the transaction ends; 404 when unknown. */
    public Member lock(UUID memberId) {
        Member m = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("member", memberId);
        }
        return m;
    }

    public Optional<LedgerEntry> existing(UUID programmeId, String sourceKey) {
        return LedgerEntry.find("programmeId = ?1 and sourceKey = ?2", programmeId, sourceKey).firstResultOptional();
    }

    /** Credits {@code points} (> 0) as a new lot that expires after the programme's expiry months. */
    public LedgerEntry credit(Member m, Programme p, Kind kind, Booking b) {
        if (b.points() <= 0) {
            throw new IllegalArgumentException("a credit needs positive points");
        }
        LedgerEntry e = entry(m, kind, b.points(), b);
        PointsLot lot = new PointsLot();
        lot.entryId = e.id;
        lot.memberId = m.id;
        lot.earnedAt = e.occurredAt;
        lot.expiresAt = p.expiryMonths <= 0 ? null
                : e.occurredAt.atOffset(ZoneOffset.UTC).plusMonths(p.expiryMonths).toInstant();
        lot.remaining = b.points();
        lot.persist();
        m.pointsBalance += b.points();
        if (m.customerId != null) {
            outbox.publish(LoyaltyEvents.POINTS_EARNED, m.customerId, new PointsEarned(e.id.toString(), m.id.toString(),
                    p.id.toString(), m.customerId.toString(), e.points, m.pointsBalance, e.source, e.sourceKey, publishedReason(e),
                    str(e.partnerId), lot.expiresAt, e.occurredAt));
        }
        return e;
    }

    /**
     * Debits {@code points} (> 0), oldest lots first.
     *
     * @param capAtBalance true for reversals: take what the balance holds rather than refuse; false for
     *        redemptions: more than the balance is a 422 and nothing changes
     * @return the entry, or empty when nothing was left to debit
     */
    public Optional<LedgerEntry> debit(Member m, Kind kind, Booking b, boolean capAtBalance) {
        if (b.points() <= 0) {
            throw new IllegalArgumentException("a debit needs positive points");
        }
        long points = b.points();
        if (points > m.pointsBalance) {
            if (!capAtBalance) {
                throw new ProblemException(422, "insufficient-points", "Unprocessable request",
                        "the balance is " + m.pointsBalance + " points; " + points + " cannot be redeemed", null,
                        Map.of("balance", m.pointsBalance, "requested", points));
            }
            points = m.pointsBalance;
        }
        if (points == 0) {
            return Optional.empty();
        }
        List<PointsLot> lots = PointsLot.list("memberId = ?1 and remaining > 0", m.id);
        FifoLots.Allocation taken = FifoLots.take(lots.stream().map(PointsLot::lot).toList(), points);
        for (FifoLots.Take t : taken.takes()) {
            lots.stream().filter(l -> l.entryId.equals(t.lotId())).findFirst().orElseThrow().remaining -= t.points();
        }
        String reason = points < b.points() ? b.reason() + " (capped at the balance: " + b.points() + " due)" : b.reason();
        LedgerEntry e = entry(m, kind, -points, new Booking(points, b.spend(), reason, b.source(), b.sourceKey(),
                b.relatedKey(), b.partnerId(), b.occurredAt()));
        m.pointsBalance -= points;
        return Optional.of(e);
    }

    /** Publishes the redemption event of a REDEEM entry. */
    public void redeemed(Member m, LedgerEntry e) {
        if (m.customerId != null) {
            outbox.publish(LoyaltyEvents.POINTS_REDEEMED, m.customerId, new PointsRedeemed(e.id.toString(), m.id.toString(),
                    m.programmeId.toString(), m.customerId.toString(), -e.points, m.pointsBalance, e.source, e.sourceKey,
                    publishedReason(e), str(e.partnerId), e.occurredAt));
        }
    }

    private LedgerEntry entry(Member m, Kind kind, long signedPoints, Booking b) {
        LedgerEntry e = new LedgerEntry();
        e.id = UUID.randomUUID();
        e.programmeId = m.programmeId;
        e.memberId = m.id;
        e.kind = kind;
        e.points = signedPoints;
        e.spend = b.spend();
        e.reason = b.reason();
        e.source = b.source();
        e.sourceKey = b.sourceKey();
        e.relatedKey = b.relatedKey();
        e.partnerId = b.partnerId();
        e.occurredAt = b.occurredAt() == null ? Instant.now() : b.occurredAt();
        e.createdAt = Instant.now();
        e.persist();
        return e;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /**
     * What to book: unsigned points, the money behind them (signed, programme currency, may be null), why,
     * the source kind and its unique key, the key of the fact it relates to, the partner if any, and when.
     */
    /** Sources whose reason a person typed (staff, partner systems): free text that may name the customer. */
    private static final java.util.Set<String> TYPED_REASONS = java.util.Set.of("ADJUSTMENT", "DIRECT", "PARTNER");

    /**
     * The reason an event may carry: events stay in the topic out of an erasure's reach (issue 15), so a typed reason
     * stays in the ledger (cleared on erasure) and the event names only its source.
     */
    static String publishedReason(LedgerEntry e) {
        return TYPED_REASONS.contains(e.source) ? e.source.toLowerCase(java.util.Locale.ROOT) : e.reason;
    }

    public record Booking(long points, BigDecimal spend, String reason, String source, String sourceKey, String relatedKey,
            UUID partnerId, Instant occurredAt) {
        public static Booking of(long points, String reason, String source, String sourceKey) {
            return new Booking(points, null, reason, source, sourceKey, null, null, Instant.now());
        }
    }
}
