package io.rapport.loyalty.earning;

import io.rapport.loyalty.domain.EarnCalculator;
import io.rapport.loyalty.domain.FifoLots;
import io.rapport.loyalty.domain.PointsDebt;
import io.rapport.loyalty.domain.TierPolicy;
import io.rapport.loyalty.domain.TierRule;
import io.rapport.loyalty.domain.TierWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The decide step of earning, the earning rule's only home besides the per-purchase arithmetic of
 * {@link EarnCalculator}: the earnings of a run of new purchases, in order, as one member at a time would book them: each purchase
 * earns per {@link EarnCalculator} at the member's tier of that moment, and a credit that lifts the qualifying
 * figure of the window over a higher tier's threshold upgrades the member at once (per {@link TierPolicy}),
 * so a later purchase of the same run already earns at the new multiplier. Downgrades never happen here. A member's
 * points debt is paid first by each credit (see {@link PointsDebt}).
 * Pure: the caller loads the members (locked), their window figures and the rules, and writes the result.
 */
public final class EarnBatch {
    private final Map<UUID, Terms> terms;
    private final Map<UUID, List<MemberState>> membersByCustomer = new HashMap<>();
    private final Map<UUID, Set<String>> classes;
    private final Instant now;
    private final boolean beforeEnrolment;
    private final List<Credit> credits = new ArrayList<>();
    private final List<Upgrade> upgrades = new ArrayList<>();

    /**
     * @param terms the rules of every programme the members belong to
     * @param members the buyers' active memberships with their current figures (changed in place)
     * @param classes the buyers' segment classes (only needed for programmes with segment-based tiers)
     * @param now the evaluation time: the window of the figures ends here
     */
    public EarnBatch(Map<UUID, Terms> terms, List<MemberState> members, Map<UUID, Set<String>> classes, Instant now) {
        this(terms, members, classes, now, true);
    }

    /**
     * @param beforeEnrolment whether a purchase dated before the member's enrolment earns (see {@link #earnsAt})
     */
    public EarnBatch(
            Map<UUID, Terms> terms,
            List<MemberState> members,
            Map<UUID, Set<String>> classes,
            Instant now,
            boolean beforeEnrolment) {
        this.beforeEnrolment = beforeEnrolment;
        this.terms = terms;
        this.classes = classes;
        this.now = now;
        for (MemberState m : members) {
            membersByCustomer
                    .computeIfAbsent(m.customerId, c -> new ArrayList<>())
                    .add(m);
        }
    }

    /** Books one new purchase for every active membership of its buyer in the purchase's currency. */
    public void earn(Purchase p) {
        for (MemberState m : membersByCustomer.getOrDefault(p.customerId(), List.of())) {
            Terms t = terms.get(m.programmeId);
            if (!t.currency().equals(p.currency()) || !earnsAt(m.enrolledAt, p.occurredAt(), beforeEnrolment)) {
                continue;
            }
            TierRule tier = t.tiers().stream()
                    .filter(r -> r.code().equals(m.tierCode))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("programme " + m.programmeId + " has no tier " + m.tierCode));
            EarnCalculator.Earn earn = EarnCalculator.compute(
                    p.lines(), t.pointsPerUnit(), tier.multiplier(), t.bonuses(), p.occurredAt());
            if (earn.points() <= 0) {
                continue;
            }
            PointsDebt.Credit paid = PointsDebt.credit(new PointsDebt.Position(m.balance, m.debt), earn.points());
            m.balance = paid.after().spendable();
            m.debt = paid.after().debt();
            Instant expiresAt = FifoLots.expiresAt(p.occurredAt(), t.expiryMonths());
            String reason = "purchase " + p.orderId() + ": " + earn.reason()
                    + (paid.settled() == 0 ? "" : "; " + paid.settled() + " points paid the debt");
            credits.add(new Credit(UUID.randomUUID(), m, p, earn, reason, expiresAt, m.balance, paid.spendable()));
            if (TierWindow.ending(now, t.qualificationMonths()).contains(p.occurredAt())) {
                m.figure = m.figure.add(t.spendBased() ? earn.spend() : BigDecimal.valueOf(earn.points()));
            }
            upgrade(m, t, tier, credits.size() - 1);
        }
    }

    private void upgrade(MemberState m, Terms t, TierRule current, int afterCredit) {
        if (t.tiers().stream().allMatch(r -> r.rank() <= m.tierRank)) {
            return;
        }
        Set<String> customerClasses = t.segmentTiers() ? classes.getOrDefault(m.customerId, Set.of()) : Set.of();
        TierPolicy.Qualification q = TierPolicy.qualify(t.tiers(), m.figure, t.unit(), customerClasses);
        if (TierPolicy.decide(current, q, false) == TierPolicy.Decision.UPGRADE) {
            upgrades.add(new Upgrade(m, m.tierCode, q.tier().code(), q.reason(), now, afterCredit));
            m.tierCode = q.tier().code();
            m.tierRank = q.tier().rank();
        }
    }

    /**
     * Whether a purchase at {@code purchasedAt} earns for a membership enrolled at {@code enrolledAt}: a purchase
     * dated before the enrolment earns only when {@code beforeEnrolment} is set (off by default, see LoyaltyConfig).
     */
    public static boolean earnsAt(Instant enrolledAt, Instant purchasedAt, boolean beforeEnrolment) {
        return beforeEnrolment || enrolledAt == null || !purchasedAt.isBefore(enrolledAt);
    }

    /** The source key of a purchase's EARN entries (and the related key of its reversals). */
    public static String purchaseKey(UUID purchaseId) {
        return "purchase:" + purchaseId;
    }

    /** The credits in booking order. */
    public List<Credit> credits() {
        return credits;
    }

    /** The upgrades in the order they happened. */
    public List<Upgrade> upgrades() {
        return upgrades;
    }

    /** What earning needs of a programme. */
    public record Terms(
            UUID programmeId,
            String currency,
            BigDecimal pointsPerUnit,
            int expiryMonths,
            int qualificationMonths,
            boolean spendBased,
            List<TierRule> tiers,
            List<EarnCalculator.Bonus> bonuses,
            boolean segmentTiers) {
        String unit() {
            return TierPolicy.unit(spendBased, currency);
        }
    }

    /** A new purchase: its lines in the purchase currency. */
    public record Purchase(
            UUID purchaseId,
            UUID customerId,
            String orderId,
            Instant occurredAt,
            String currency,
            List<EarnCalculator.Line> lines) {
        public String key() {
            return purchaseKey(purchaseId);
        }
    }

    /** An active membership as the run changes it: tier, balance and the qualifying figure of the window. */
    public static final class MemberState {
        private final UUID id;
        private final UUID programmeId;
        private final UUID customerId;
        private String tierCode;
        private int tierRank;
        private long balance;
        private long debt;
        private BigDecimal figure;
        private final Instant enrolledAt;
        private final String initialTier;
        private final long initialBalance;
        private final long initialDebt;

        public MemberState(
                UUID id,
                UUID programmeId,
                UUID customerId,
                String tierCode,
                int tierRank,
                long balance,
                BigDecimal figure) {
            this(id, programmeId, customerId, tierCode, tierRank, balance, 0, figure);
        }

        public MemberState(
                UUID id,
                UUID programmeId,
                UUID customerId,
                String tierCode,
                int tierRank,
                long balance,
                long debt,
                BigDecimal figure) {
            this(id, programmeId, customerId, tierCode, tierRank, balance, debt, figure, null);
        }

        /** @param enrolledAt when the membership started (null: no restriction) */
        public MemberState(
                UUID id,
                UUID programmeId,
                UUID customerId,
                String tierCode,
                int tierRank,
                long balance,
                long debt,
                BigDecimal figure,
                Instant enrolledAt) {
            this.enrolledAt = enrolledAt;
            this.id = id;
            this.programmeId = programmeId;
            this.customerId = customerId;
            this.tierCode = tierCode;
            this.tierRank = tierRank;
            this.balance = balance;
            this.debt = debt;
            this.figure = figure;
            this.initialTier = tierCode;
            this.initialBalance = balance;
            this.initialDebt = debt;
        }

        public UUID id() {
            return id;
        }

        public UUID programmeId() {
            return programmeId;
        }

        public UUID customerId() {
            return customerId;
        }

        public String tierCode() {
            return tierCode;
        }

        public int tierRank() {
            return tierRank;
        }

        public long balance() {
            return balance;
        }

        public long debt() {
            return debt;
        }

        public BigDecimal figure() {
            return figure;
        }

        /** Whether the run changed the balance, the debt or the tier. */
        public boolean changed() {
            return balance != initialBalance || debt != initialDebt || !tierCode.equals(initialTier);
        }
    }

    /**
     * One EARN entry with its lot; {@code balanceAfter} is the member's spendable balance once it is booked,
     * {@code lotRemaining} what of the credit is spendable (the rest paid a debt).
     */
    public record Credit(
            UUID entryId,
            MemberState member,
            Purchase purchase,
            EarnCalculator.Earn earn,
            String reason,
            Instant expiresAt,
            long balanceAfter,
            long lotRemaining) {}

    /** A tier upgrade of a member during the run, caused by the credit at index {@code afterCredit} of {@link #credits}. */
    public record Upgrade(
            MemberState member, String fromTier, String toTier, String reason, Instant at, int afterCredit) {}
}
