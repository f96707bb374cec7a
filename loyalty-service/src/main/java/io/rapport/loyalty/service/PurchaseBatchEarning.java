package io.rapport.loyalty.service;

import io.agroal.api.AgroalDataSource;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.PointsEarned;
import io.rapport.contracts.loyalty.TierChanged;
import io.rapport.loyalty.domain.EarnBatch;
import io.rapport.loyalty.domain.EarnBatch.Credit;
import io.rapport.loyalty.domain.EarnBatch.MemberState;
import io.rapport.loyalty.domain.EarnBatch.Purchase;
import io.rapport.loyalty.domain.EarnBatch.Upgrade;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Books a run of purchase-recorded events set-based, with the same outcome as {@link PurchaseEarning#recorded} for
 * each in turn: purchase facts in one statement (a purchase id already known, or repeated in the run, earns
 * nothing), the buyers' active memberships locked and read in one query, the window figures in one query per
 * programme, the earnings computed by {@link EarnBatch}, then ledger entries, lots, balances, tier changes and
 * outbox rows written in a few batched statements. The caller hands over only purchases that happened by now
 * and whose buyer has no pending referral; those go through {@link PurchaseEarning}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PurchaseBatchEarning {
    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final Outbox outbox;
    private final RulesCache rules;
    private final EarningStore store;
    private final io.rapport.loyalty.config.LoyaltyConfig config;

    public PurchaseBatchEarning(AgroalDataSource dataSource, EntityManager em, Outbox outbox, RulesCache rules, EarningStore store,
            io.rapport.loyalty.config.LoyaltyConfig config) {
        this.config = config;
        this.dataSource = dataSource;
        this.em = em;
        this.outbox = outbox;
        this.rules = rules;
        this.store = store;
    }

    /** The customers among {@code customers} with a pending referral: their first purchase needs the referral path. */
    public Set<UUID> withPendingReferral(Set<UUID> customers) {
        em.flush();
        return run(c -> store.pendingReferrals(c, customers));
    }

    /** Books the purchases in order; see the class comment for what the caller guarantees. */
    public void earn(List<PurchaseRecorded> events) {
        if (events.isEmpty()) {
            return;
        }
        em.flush();
        run(c -> {
            book(c, events);
            return null;
        });
        em.clear();
    }

    private void book(Connection c, List<PurchaseRecorded> events) throws SQLException {
        List<Purchase> purchases = events.stream().map(PurchaseBatchEarning::purchase).toList();
        Set<UUID> fresh = store.insertFacts(c, events);
        List<Purchase> toEarn = new ArrayList<>();
        for (Purchase p : purchases) {
            if (fresh.remove(p.purchaseId())) {
                toEarn.add(p);
            }
        }
        if (toEarn.isEmpty()) {
            return;
        }
        Set<UUID> buyers = new LinkedHashSet<>();
        toEarn.forEach(p -> buyers.add(p.customerId()));
        List<EarningStore.MemberRow> rows = store.lockMembers(c, buyers);
        if (rows.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<UUID, EarnBatch.Terms> terms = new HashMap<>();
        for (EarningStore.MemberRow r : rows) {
            terms.computeIfAbsent(r.programmeId(), id -> terms(rules.of(id)));
        }
        Map<UUID, BigDecimal> figures = new HashMap<>();
        for (EarnBatch.Terms t : terms.values()) {
            int top = t.tiers().stream().mapToInt(io.rapport.loyalty.domain.TierRule::rank).max().orElse(0);
            List<UUID> climbing = rows.stream().filter(r -> r.programmeId().equals(t.programmeId()) && r.tierRank() < top)
                    .map(EarningStore.MemberRow::id).toList();
            Instant from = now.atOffset(ZoneOffset.UTC).minusMonths(t.qualificationMonths()).toInstant();
            figures.putAll(store.figures(c, climbing, t.spendBased(), from, now));
        }
        boolean segmentTiers = terms.values().stream().anyMatch(EarnBatch.Terms::segmentTiers);
        Map<UUID, Set<String>> classes = segmentTiers ? store.classes(c, buyers) : Map.of();
        List<MemberState> members = rows.stream().map(r -> new MemberState(r.id(), r.programmeId(), r.customerId(), r.tierCode(),
                r.tierRank(), r.balance(), r.debt(), figures.getOrDefault(r.id(), BigDecimal.ZERO), r.enrolledAt())).toList();

        EarnBatch batch = new EarnBatch(terms, members, classes, now, config.earning().purchasesBeforeEnrolment());
        toEarn.forEach(batch::earn);

        store.insertCredits(c, batch.credits(), now);
        store.insertTierChanges(c, batch.upgrades());
        store.updateMembers(c, members.stream().filter(MemberState::changed).toList());
        outbox.publishAll(c, events(batch));
    }

    private static List<Outbox.Pending> events(EarnBatch batch) {
        List<Outbox.Pending> events = new ArrayList<>();
        List<Upgrade> upgrades = batch.upgrades();
        int u = 0;
        for (int i = 0; i < batch.credits().size(); i++) {
            Credit cr = batch.credits().get(i);
            MemberState m = cr.member();
            events.add(new Outbox.Pending(LoyaltyEvents.POINTS_EARNED, m.customerId(), new PointsEarned(cr.entryId().toString(),
                    m.id().toString(), m.programmeId().toString(), m.customerId().toString(), cr.earn().points(), cr.balanceAfter(),
                    "PURCHASE", cr.purchase().key(), cr.reason(), null, cr.expiresAt(), cr.purchase().occurredAt())));
            for (; u < upgrades.size() && upgrades.get(u).afterCredit() == i; u++) {
                Upgrade up = upgrades.get(u);
                events.add(new Outbox.Pending(LoyaltyEvents.TIER_CHANGED, m.customerId(), new TierChanged(m.id().toString(),
                        m.programmeId().toString(), m.customerId().toString(), up.fromTier(), up.toTier(), "UP", up.reason(), up.at())));
            }
        }
        return events;
    }

    private static EarnBatch.Terms terms(RulesCache.Rules r) {
        return new EarnBatch.Terms(r.programme().id, r.programme().currency, r.programme().pointsPerUnit, r.programme().expiryMonths,
                r.programme().qualificationMonths, r.programme().spendBased(), r.tiers(), r.bonuses(), r.segmentTiers());
    }

    static Purchase purchase(PurchaseRecorded e) {
        return new Purchase(UUID.fromString(e.purchaseId()), UUID.fromString(e.customerId()), e.orderId(), e.occurredAt(), e.currency(),
                PurchaseEarning.lines(e));
    }

    private <T> T run(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("booking a batch of purchases failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }
}
