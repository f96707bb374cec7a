package io.rapport.loyalty.service;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.PointsEarned;
import io.rapport.contracts.loyalty.PointsRedeemed;
import io.rapport.loyalty.domain.FifoLots;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.PointsDebt;
import io.rapport.loyalty.domain.PointsLot;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.expiry.PointsExpiry;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
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
    private final PointsExpiry expiry;
    private final java.time.Clock clock;

    public Ledger(EntityManager em, Outbox outbox, PointsExpiry expiry, java.time.Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.expiry = expiry;
        this.clock = clock;
    }

    /**
     * The member, its row locked until the transaction ends; 404 when unknown. Points past their expiry are expired here
     * first (see {@link PointsExpiry}), so no booking ever spends them, whether or not the hourly job has run.
     */
    public Member lock(UUID memberId) {
        Member m = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("member", memberId);
        }
        expiry.expireDue(m, clock.instant());
        return m;
    }

    public Optional<LedgerEntry> existing(UUID programmeId, String sourceKey) {
        return LedgerEntry.find("programmeId = ?1 and sourceKey = ?2", programmeId, sourceKey)
                .firstResultOptional();
    }

    /**
     * Credits {@code points} (> 0): a points debt is paid first (see {@link PointsDebt}), the rest becomes a new lot that
     * expires after the programme's expiry months.
     */
    public LedgerEntry credit(Member m, Programme p, Kind kind, Booking b) {
        if (b.points() <= 0) {
            throw new IllegalArgumentException("a credit needs positive points");
        }
        PointsDebt.Credit c = PointsDebt.credit(m.position(), b.points());
        String reason = c.settled() == 0 ? b.reason() : b.reason() + "; " + c.settled() + " points paid the debt";
        LedgerEntry e = entry(m, kind, b.points(), b.withReason(reason));
        PointsLot lot = new PointsLot();
        lot.entryId = e.id;
        lot.memberId = m.id;
        lot.earnedAt = e.occurredAt;
        lot.expiresAt = FifoLots.expiresAt(e.occurredAt, p.expiryMonths);
        lot.remaining = c.spendable();
        lot.persist();
        m.position(c.after());
        if (m.customerId != null) {
            outbox.publish(
                    LoyaltyEvents.POINTS_EARNED,
                    m.customerId,
                    new PointsEarned(
                            e.id.toString(),
                            m.id.toString(),
                            p.id.toString(),
                            m.customerId.toString(),
                            e.points,
                            m.pointsBalance,
                            e.source,
                            e.sourceKey,
                            publishedReason(e),
                            str(e.partnerId),
                            lot.expiresAt,
                            e.occurredAt));
        }
        return e;
    }

    /**
     * Debits {@code points} (> 0), oldest lots first. More than the spendable balance is a 422 (with the balance: this
     * answer goes to staff, never to a partner) and nothing changes.
     */
    public LedgerEntry debit(Member m, Kind kind, Booking b) {
        if (b.points() <= 0) {
            throw new IllegalArgumentException("a debit needs positive points");
        }
        if (b.points() > m.pointsBalance) {
            throw new ProblemException(
                    422,
                    "insufficient-points",
                    "Unprocessable request",
                    "the balance is " + m.pointsBalance + " points; " + b.points() + " cannot be redeemed",
                    null,
                    Map.of("balance", m.pointsBalance, "requested", b.points()));
        }
        takeFromLots(m, b.points());
        LedgerEntry e = entry(m, kind, -b.points(), b);
        m.pointsBalance -= b.points();
        return e;
    }

    /**
     * Takes back {@code points} (> 0) for a refund: the whole amount is booked; what the spendable points cannot cover
     * becomes a points debt (never a silent loss, never negative spendable points).
     */
    public LedgerEntry reverse(Member m, Booking b) {
        PointsDebt.Reversal r = PointsDebt.reverse(m.position(), b.points());
        takeFromLots(m, r.fromSpendable());
        String reason = r.addedDebt() == 0
                ? b.reason()
                : b.reason() + " (" + r.fromSpendable() + " taken from the balance, " + r.addedDebt() + " points owed)";
        LedgerEntry e = entry(m, Kind.REVERSE, -b.points(), b.withReason(reason));
        m.position(r.after());
        return e;
    }

    /**
     * Adds the points and debt of {@code from} (whose lots and entries already point at {@code into}) to {@code into}:
     * spendable points of one pay the other's debt.
     */
    public void absorb(Member into, Member from) {
        PointsDebt.Position merged = PointsDebt.combine(into.position(), from.position());
        long spendable = into.pointsBalance + from.pointsBalance;
        takeFromLots(into, spendable - merged.spendable());
        into.position(merged);
        from.position(new PointsDebt.Position(0, 0));
    }

    private void takeFromLots(Member m, long points) {
        if (points == 0) {
            return;
        }
        List<PointsLot> lots = PointsLot.list("memberId = ?1 and remaining > 0", m.id);
        FifoLots.Allocation taken =
                FifoLots.take(lots.stream().map(PointsLot::lot).toList(), points);
        for (FifoLots.Take t : taken.takes()) {
            lots.stream().filter(l -> l.entryId.equals(t.lotId())).findFirst().orElseThrow().remaining -= t.points();
        }
    }

    /** Publishes the redemption event of a REDEEM entry. */
    public void redeemed(Member m, LedgerEntry e) {
        if (m.customerId != null) {
            outbox.publish(
                    LoyaltyEvents.POINTS_REDEEMED,
                    m.customerId,
                    new PointsRedeemed(
                            e.id.toString(),
                            m.id.toString(),
                            m.programmeId.toString(),
                            m.customerId.toString(),
                            -e.points,
                            m.pointsBalance,
                            e.source,
                            e.sourceKey,
                            publishedReason(e),
                            str(e.partnerId),
                            e.occurredAt));
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
        e.occurredAt = b.occurredAt() == null ? clock.instant() : b.occurredAt();
        e.createdAt = clock.instant();
        e.persist();
        return e;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /**
     * What to book: unsigned points, the money behind them (signed, programme currency, may be null), why,
     * the source kind and its unique key, the key of the fact it relates to, the partner if any, and when (null: now, on
     * the service's clock).
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

    public record Booking(
            long points,
            BigDecimal spend,
            String reason,
            String source,
            String sourceKey,
            String relatedKey,
            UUID partnerId,
            Instant occurredAt) {
        public static Booking of(long points, String reason, String source, String sourceKey) {
            return new Booking(points, null, reason, source, sourceKey, null, null, null);
        }

        Booking withReason(String reason) {
            return new Booking(points, spend, reason, source, sourceKey, relatedKey, partnerId, occurredAt);
        }
    }
}
