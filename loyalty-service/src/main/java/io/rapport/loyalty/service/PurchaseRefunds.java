package io.rapport.loyalty.service;

import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.ProportionalReversal;
import io.rapport.loyalty.domain.PurchaseFact;
import io.rapport.loyalty.earning.EarnBatch;
import io.rapport.loyalty.earning.EarningPipeline;
import io.rapport.loyalty.service.Ledger.Booking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Points of refunded purchases (earning is {@link EarningPipeline}): reversed in proportion to the refunded money (see {@link ProportionalReversal}), and in full, with the
 * referral rewards the purchase paid, once the whole purchase is refunded; what the balance no longer holds becomes a
 * points debt (see {@link Ledger#reverse}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PurchaseRefunds {
    private static final Logger LOG = Logger.getLogger(PurchaseRefunds.class);

    private final EntityManager em;
    private final Ledger ledger;
    private final ReferralService referrals;

    public PurchaseRefunds(EntityManager em, Ledger ledger, ReferralService referrals) {
        this.em = em;
        this.ledger = ledger;
        this.referrals = referrals;
    }

    public void refunded(PurchaseRefunded e) {
        UUID purchaseId = UUID.fromString(e.purchaseId());
        PurchaseFact fact = em.find(PurchaseFact.class, purchaseId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (fact == null) {
            LOG.infof("refund %s of unknown purchase %s: no points to reverse", e.refundId(), purchaseId);
            return;
        }
        String refundKey = "refund:" + e.refundId();
        if (LedgerEntry.count("sourceKey", refundKey) > 0) {
            return;
        }
        BigDecimal amount = new BigDecimal(e.amount()).max(BigDecimal.ZERO);
        boolean whole = ProportionalReversal.whole(e.wholeOrder(), fact.total, fact.refunded, amount);
        String key = EarnBatch.purchaseKey(purchaseId);
        for (LedgerEntry earned : LedgerEntry.<LedgerEntry>list("sourceKey = ?1 and kind = ?2", key, Kind.EARN)) {
            long reversedBefore = -em.createQuery(
                            "select coalesce(sum(l.points), 0) from LedgerEntry l where l.relatedKey = ?1"
                                    + " and l.kind = ?2 and l.programmeId = ?3",
                            Long.class)
                    .setParameter(1, key)
                    .setParameter(2, Kind.REVERSE)
                    .setParameter(3, earned.programmeId)
                    .getSingleResult();
            long points = whole
                    ? Math.max(0, earned.points - reversedBefore)
                    : ProportionalReversal.pointsToReverse(
                            earned.points, fact.total, fact.refunded, amount, reversedBefore);
            if (points <= 0) {
                continue;
            }
            Member m = ledger.lock(earned.memberId);
            BigDecimal refundedMoney =
                    amount.min(fact.total.subtract(fact.refunded).max(BigDecimal.ZERO));
            ledger.reverse(
                    m,
                    new Booking(
                            points,
                            refundedMoney.negate(),
                            "refund " + e.refundId() + " of "
                                    + amount.toPlainString() + " " + e.currency() + " on a purchase of "
                                    + fact.total.toPlainString()
                                    + " that earned " + earned.points
                                    + (whole ? " (whole purchase refunded: all its points)" : ""),
                            "REFUND",
                            refundKey,
                            key,
                            null,
                            e.occurredAt()));
        }
        if (whole) {
            referrals.purchaseRefunded(purchaseId, e.refundId(), e.occurredAt());
        }
        fact.refunded = whole ? fact.total : fact.refunded.add(amount).min(fact.total);
    }
}
