package io.rapport.loyalty.service;

import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.loyalty.domain.EarnCalculator;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.ProportionalReversal;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.PurchaseFact;
import io.rapport.loyalty.service.Ledger.Booking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Points from purchases: earned once per purchase id (the purchase fact and the ledger's unique source key
 * both guard it) by every active membership of the buyer whose programme currency is the purchase
 * currency; reversed in proportion to the refunded money (see {@link ProportionalReversal}), and in full, with the
 * referral rewards the purchase paid, once the whole purchase is refunded; what the balance no longer holds becomes a
 * points debt (see {@link Ledger#reverse}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PurchaseEarning {
    private static final Logger LOG = Logger.getLogger(PurchaseEarning.class);

    private final EntityManager em;
    private final Ledger ledger;
    private final TierEngine tiers;
    private final ReferralService referrals;
    private final RulesCache rules;
    private final io.rapport.loyalty.config.LoyaltyConfig config;

    public PurchaseEarning(EntityManager em, Ledger ledger, TierEngine tiers, ReferralService referrals, RulesCache rules,
            io.rapport.loyalty.config.LoyaltyConfig config) {
        this.config = config;
        this.rules = rules;
        this.em = em;
        this.ledger = ledger;
        this.tiers = tiers;
        this.referrals = referrals;
    }

    public void recorded(PurchaseRecorded e) {
        UUID purchaseId = UUID.fromString(e.purchaseId());
        UUID customerId = UUID.fromString(e.customerId());
        int inserted = em.createNativeQuery("insert into purchase_fact (purchase_id, customer_id, occurred_at, currency, total,"
                + " refunded) values (?1, ?2, ?3, ?4, ?5, 0) on conflict do nothing")
                .setParameter(1, purchaseId).setParameter(2, customerId).setParameter(3, e.occurredAt())
                .setParameter(4, e.currency()).setParameter(5, new BigDecimal(e.total())).executeUpdate();
        if (inserted == 0) {
            return;
        }
        List<EarnCalculator.Line> lines = lines(e);
        String key = purchaseKey(purchaseId);
        for (Member m : Member.<Member>find("customerId = ?1 and status = ?2", customerId, Member.ACTIVE)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list()) {
            RulesCache.Rules r = rules.of(m.programmeId);
            Programme p = r.programme();
            if (!p.currency.equals(e.currency())) {
                LOG.debugf("purchase %s in %s earns nothing in programme %s (%s)", purchaseId, e.currency(), p.code, p.currency);
                continue;
            }
            if (!io.rapport.loyalty.domain.EarnBatch.earnsAt(m.enrolledAt, e.occurredAt(),
                    config.earning().purchasesBeforeEnrolment())) {
                LOG.debugf("purchase %s at %s predates enrolment %s in programme %s: no points", purchaseId, e.occurredAt(),
                        m.enrolledAt, p.code);
                continue;
            }
            EarnCalculator.Earn earn = EarnCalculator.compute(lines, p.pointsPerUnit, r.tier(m.tierCode).multiplier(), r.bonuses(),
                    e.occurredAt());
            if (earn.points() > 0) {
                ledger.credit(m, p, Kind.EARN, new Booking(earn.points(), earn.spend(), "purchase " + e.orderId() + ": " + earn.reason(),
                        "PURCHASE", key, key, null, e.occurredAt()));
                Instant now = Instant.now();
                tiers.evaluate(m, p, e.occurredAt().isAfter(now) ? e.occurredAt() : now, false);
            }
        }
        referrals.firstPurchase(customerId, purchaseId, e.occurredAt());
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
        String key = purchaseKey(purchaseId);
        for (LedgerEntry earned : LedgerEntry.<LedgerEntry>list("sourceKey = ?1 and kind = ?2", key, Kind.EARN)) {
            long reversedBefore = -em.createQuery("select coalesce(sum(l.points), 0) from LedgerEntry l where l.relatedKey = ?1"
                    + " and l.kind = ?2 and l.programmeId = ?3", Long.class)
                    .setParameter(1, key).setParameter(2, Kind.REVERSE).setParameter(3, earned.programmeId).getSingleResult();
            long points = whole ? Math.max(0, earned.points - reversedBefore)
                    : ProportionalReversal.pointsToReverse(earned.points, fact.total, fact.refunded, amount, reversedBefore);
            if (points <= 0) {
                continue;
            }
            Member m = ledger.lock(earned.memberId);
            BigDecimal refundedMoney = amount.min(fact.total.subtract(fact.refunded).max(BigDecimal.ZERO));
            ledger.reverse(m, new Booking(points, refundedMoney.negate(), "refund " + e.refundId() + " of "
                    + amount.toPlainString() + " " + e.currency() + " on a purchase of " + fact.total.toPlainString()
                    + " that earned " + earned.points + (whole ? " (whole purchase refunded: all its points)" : ""),
                    "REFUND", refundKey, key, null, e.occurredAt()));
        }
        if (whole) {
            referrals.purchaseRefunded(purchaseId, e.refundId(), e.occurredAt());
        }
        fact.refunded = whole ? fact.total : fact.refunded.add(amount).min(fact.total);
    }

    public static String purchaseKey(UUID purchaseId) {
        return "purchase:" + purchaseId;
    }

    /** The purchase's lines as earning sees them; a purchase without lines is one line of its total. */
    static List<EarnCalculator.Line> lines(PurchaseRecorded e) {
        if (e.lines() == null || e.lines().isEmpty()) {
            return List.of(new EarnCalculator.Line(null, new BigDecimal(e.total())));
        }
        return e.lines().stream().map((PurchaseLine l) -> new EarnCalculator.Line(l.category(), new BigDecimal(l.lineTotal()))).toList();
    }
}
