package io.rapport.loyalty.earning;

import io.agroal.api.AgroalDataSource;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.PointsEarned;
import io.rapport.contracts.loyalty.TierChanged;
import io.rapport.loyalty.config.LoyaltyConfig;
import io.rapport.loyalty.domain.EarnCalculator;
import io.rapport.loyalty.domain.TierWindow;
import io.rapport.loyalty.earning.EarnBatch.Credit;
import io.rapport.loyalty.earning.EarnBatch.MemberState;
import io.rapport.loyalty.earning.EarnBatch.Purchase;
import io.rapport.loyalty.earning.EarnBatch.Upgrade;
import io.rapport.loyalty.service.ReferralService;
import io.rapport.loyalty.service.RulesCache;
import io.rapport.loyalty.tier.TierStore;
import io.rapport.loyalty.tier.TierStore.FigureQuery;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Earning points from purchases, the one pipeline for every purchase event (a poll of hundreds or a single one):
 * <ol>
 * <li>load, set-based ({@link EarningStore}, {@link TierStore}): the purchase facts inserted in one statement (a purchase
 * id already known, or repeated in the run, earns nothing), the buyers' active memberships locked and read in one query,
 * the qualifying figures of the members who can still climb in one query, segment classes in one;</li>
 * <li>decide, in the pure {@link EarnBatch};</li>
 * <li>store: ledger entries, lots, balances, tier changes and outbox rows in a few batched statements.</li>
 * </ol>
 * A purchase of a buyer with a pending referral is booked as a run of its own and then settles the referral; one dated
 * after now is a run of its own evaluated at its own time (its tier window ends there).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EarningPipeline {
    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final Outbox outbox;
    private final RulesCache rules;
    private final EarningStore store;
    private final TierStore tierStore;
    private final ReferralService referrals;
    private final LoyaltyConfig config;
    private final Clock clock;

    public EarningPipeline(
            AgroalDataSource dataSource,
            EntityManager em,
            Outbox outbox,
            RulesCache rules,
            EarningStore store,
            TierStore tierStore,
            ReferralService referrals,
            LoyaltyConfig config,
            Clock clock) {
        this.dataSource = dataSource;
        this.em = em;
        this.outbox = outbox;
        this.rules = rules;
        this.store = store;
        this.tierStore = tierStore;
        this.referrals = referrals;
        this.config = config;
        this.clock = clock;
    }

    /** Books the purchases, in order, inside the caller's transaction. */
    public void recorded(List<PurchaseRecorded> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        em.flush();
        Set<UUID> referred = run(c -> store.pendingReferrals(
                c, events.stream().map(p -> UUID.fromString(p.customerId())).collect(Collectors.toSet())));
        List<PurchaseRecorded> plain = new ArrayList<>();
        for (PurchaseRecorded p : events) {
            boolean referral = referred.contains(UUID.fromString(p.customerId()));
            if (!referral && !p.occurredAt().isAfter(now)) {
                plain.add(p);
                continue;
            }
            book(plain, now, now);
            plain = new ArrayList<>();
            Set<UUID> fresh = book(List.of(p), p.occurredAt().isAfter(now) ? p.occurredAt() : now, now);
            if (referral && !fresh.isEmpty()) {
                referrals.firstPurchase(
                        UUID.fromString(p.customerId()), UUID.fromString(p.purchaseId()), p.occurredAt());
                em.flush();
            }
        }
        book(plain, now, now);
    }

    /** {@link #recorded(List)} of one purchase. */
    public void recorded(PurchaseRecorded event) {
        recorded(List.of(event));
    }

    /**
     * One run through load, decide and store; the tier window ends at {@code evaluatedAt}. Answers the purchase ids new to
     * the service.
     */
    private Set<UUID> book(List<PurchaseRecorded> events, Instant evaluatedAt, Instant now) {
        if (events.isEmpty()) {
            return Set.of();
        }
        Set<UUID> fresh = run(c -> book(c, events, evaluatedAt, now));
        em.clear();
        return fresh;
    }

    private Set<UUID> book(Connection c, List<PurchaseRecorded> events, Instant evaluatedAt, Instant now)
            throws SQLException {
        // load
        Set<UUID> fresh = store.insertFacts(c, events);
        Set<UUID> inserted = Set.copyOf(fresh);
        List<Purchase> toEarn = new ArrayList<>();
        for (PurchaseRecorded e : events) {
            Purchase p = purchase(e);
            if (fresh.remove(p.purchaseId())) {
                toEarn.add(p);
            }
        }
        if (toEarn.isEmpty()) {
            return inserted;
        }
        Set<UUID> buyers = new LinkedHashSet<>();
        toEarn.forEach(p -> buyers.add(p.customerId()));
        List<EarningStore.MemberRow> rows = store.lockMembers(c, buyers);
        if (rows.isEmpty()) {
            return inserted;
        }
        Map<UUID, EarnBatch.Terms> terms = new HashMap<>();
        for (EarningStore.MemberRow r : rows) {
            terms.computeIfAbsent(r.programmeId(), id -> terms(rules.of(id)));
        }
        List<FigureQuery> climbing = new ArrayList<>();
        for (EarningStore.MemberRow r : rows) {
            EarnBatch.Terms t = terms.get(r.programmeId());
            if (t.tiers().stream().anyMatch(tier -> tier.rank() > r.tierRank())) {
                climbing.add(new FigureQuery(
                        r.id(), TierWindow.ending(evaluatedAt, t.qualificationMonths()), t.spendBased()));
            }
        }
        List<BigDecimal> loaded = tierStore.figures(c, climbing);
        Map<UUID, BigDecimal> figures = new HashMap<>();
        for (int i = 0; i < climbing.size(); i++) {
            figures.put(climbing.get(i).memberId(), loaded.get(i));
        }
        boolean segmentTiers = terms.values().stream().anyMatch(EarnBatch.Terms::segmentTiers);
        Map<UUID, Set<String>> classes = segmentTiers ? tierStore.classes(c, buyers) : Map.of();
        List<MemberState> members = rows.stream()
                .map(r -> new MemberState(
                        r.id(),
                        r.programmeId(),
                        r.customerId(),
                        r.tierCode(),
                        r.tierRank(),
                        r.balance(),
                        r.debt(),
                        figures.getOrDefault(r.id(), BigDecimal.ZERO),
                        r.enrolledAt()))
                .toList();

        // decide
        EarnBatch batch = new EarnBatch(
                terms, members, classes, evaluatedAt, config.earning().purchasesBeforeEnrolment());
        toEarn.forEach(batch::earn);

        // store
        store.insertCredits(c, batch.credits(), now);
        store.insertTierChanges(c, batch.upgrades());
        store.updateMembers(c, members.stream().filter(MemberState::changed).toList());
        outbox.publishAll(c, events(batch));
        return inserted;
    }

    private static List<Outbox.Pending> events(EarnBatch batch) {
        List<Outbox.Pending> events = new ArrayList<>();
        List<Upgrade> upgrades = batch.upgrades();
        int u = 0;
        for (int i = 0; i < batch.credits().size(); i++) {
            Credit cr = batch.credits().get(i);
            MemberState m = cr.member();
            events.add(new Outbox.Pending(
                    LoyaltyEvents.POINTS_EARNED,
                    m.customerId(),
                    new PointsEarned(
                            cr.entryId().toString(),
                            m.id().toString(),
                            m.programmeId().toString(),
                            m.customerId().toString(),
                            cr.earn().points(),
                            cr.balanceAfter(),
                            "PURCHASE",
                            cr.purchase().key(),
                            cr.reason(),
                            null,
                            cr.expiresAt(),
                            cr.purchase().occurredAt())));
            for (; u < upgrades.size() && upgrades.get(u).afterCredit() == i; u++) {
                Upgrade up = upgrades.get(u);
                events.add(new Outbox.Pending(
                        LoyaltyEvents.TIER_CHANGED,
                        m.customerId(),
                        new TierChanged(
                                m.id().toString(),
                                m.programmeId().toString(),
                                m.customerId().toString(),
                                up.fromTier(),
                                up.toTier(),
                                "UP",
                                up.reason(),
                                up.at())));
            }
        }
        return events;
    }

    private static EarnBatch.Terms terms(RulesCache.Rules r) {
        return new EarnBatch.Terms(
                r.programme().id,
                r.programme().currency,
                r.programme().pointsPerUnit,
                r.programme().expiryMonths,
                r.programme().qualificationMonths,
                r.programme().spendBased(),
                r.tiers(),
                r.bonuses(),
                r.segmentTiers());
    }

    static Purchase purchase(PurchaseRecorded e) {
        return new Purchase(
                UUID.fromString(e.purchaseId()),
                UUID.fromString(e.customerId()),
                e.orderId(),
                e.occurredAt(),
                e.currency(),
                lines(e));
    }

    /** The purchase's lines as earning sees them; a purchase without lines is one line of its total. */
    static List<EarnCalculator.Line> lines(PurchaseRecorded e) {
        if (e.lines() == null || e.lines().isEmpty()) {
            return List.of(new EarnCalculator.Line(null, new BigDecimal(e.total())));
        }
        return e.lines().stream()
                .map((PurchaseLine l) -> new EarnCalculator.Line(l.category(), new BigDecimal(l.lineTotal())))
                .toList();
    }

    private <T> T run(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("booking purchases failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }
}
