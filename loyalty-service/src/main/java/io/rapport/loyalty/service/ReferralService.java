package io.rapport.loyalty.service;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.ReferralCompleted;
import io.rapport.loyalty.domain.CustomerProfile;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.NewCustomerRule;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.Referral;
import io.rapport.loyalty.profile.ProfileDecision;
import io.rapport.loyalty.profile.ProfileStore;
import io.rapport.loyalty.service.Ledger.Booking;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Referrals: a newcomer who registers with a member's referral code is linked to that member and enrolled
 * in the programme; on the newcomer's first purchase both are credited the programme's referral points,
 * once (the referral turns COMPLETED under a row lock and the credits have unique source keys).
 * Refused: the referrer's own record, and records sharing an e-mail or phone with the referrer. Only a new customer
 * qualifies ({@link NewCustomerRule}); an existing one is recorded NOT_QUALIFYING with the reason and earns nobody anything.
 */
@ApplicationScoped
public class ReferralService {
    private final Ledger ledger;
    private final Outbox outbox;
    private final MembershipService memberships;
    private final java.time.Clock clock;

    private final ProfileStore profiles;

    public ReferralService(
            Ledger ledger, Outbox outbox, MembershipService memberships, ProfileStore profiles, java.time.Clock clock) {
        this.profiles = profiles;
        this.ledger = ledger;
        this.outbox = outbox;
        this.memberships = memberships;
        this.clock = clock;
    }

    /**
     * Links {@code newcomer} to the owner of {@code code}.
     *
     * @param strict true for API calls: a refusal is a 422 and stores nothing; false for events: a refusal is
     *        stored as a REFUSED referral so it can be seen
     */
    @Transactional
    public Referral link(String code, UUID newcomer, boolean strict) {
        return link(code, newcomer, strict, null);
    }

    /**
     * Like {@link #link(String, UUID, boolean)}, with the moment the code was applied (the registration for a code given
     * at registration; null: now). A newcomer who is not new per {@link NewCustomerRule} is recorded NOT_QUALIFYING with
     * the reason: not enrolled through the referral, nobody rewarded.
     */
    @Transactional
    public Referral link(String code, UUID newcomer, boolean strict, Instant appliedAt) {
        Optional<Member> referrer = Member.find("referralCode = ?1 and status = ?2", code, Member.ACTIVE)
                .firstResultOptional();
        if (referrer.isEmpty()) {
            if (strict) {
                throw ProblemException.notFound("referral code", code);
            }
            return null;
        }
        Member r = referrer.get();
        Optional<Referral> existing = Referral.find(
                        "programmeId = ?1 and newcomerCustomerId = ?2", r.programmeId, newcomer)
                .firstResultOptional();
        if (existing.isPresent()) {
            if (strict && !existing.get().referrerMemberId.equals(r.id)) {
                throw ProblemException.conflict(
                        "already-referred",
                        "customer " + newcomer + " was already referred in this programme",
                        Map.of("referralId", existing.get().id.toString()));
            }
            return existing.get();
        }
        String refusal = refusal(r.customerId, newcomer);
        if (refusal != null && strict) {
            throw ProblemException.unprocessable("referral-refused", refusal);
        }
        Instant now = clock.instant();
        Instant applied = appliedAt == null ? now : appliedAt;
        Optional<String> notNew = refusal != null
                ? Optional.empty()
                : NewCustomerRule.notQualifying(
                        r.enrolledAt, registeredAt(newcomer), applied, firstPurchaseAt(newcomer));
        Referral ref = new Referral();
        ref.id = UUID.randomUUID();
        ref.programmeId = r.programmeId;
        ref.referrerMemberId = r.id;
        ref.newcomerCustomerId = newcomer;
        ref.status = refusal != null ? "REFUSED" : notNew.isPresent() ? NewCustomerRule.NOT_QUALIFYING : "PENDING";
        ref.refusal = refusal != null ? refusal : notNew.orElse(null);
        ref.createdAt = now;
        ref.appliedAt = applied;
        ref.persist();
        if ("PENDING".equals(ref.status)) {
            memberships.enrol(r.programmeId, newcomer, "REFERRAL");
        }
        return ref;
    }

    /**
     * Completes the newcomer's pending referrals with this purchase, crediting both sides once; a purchase dated before
     * the code was applied (e.g. imported history arriving late) makes the referral NOT_QUALIFYING instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void firstPurchase(UUID newcomer, UUID purchaseId, Instant purchasedAt) {
        for (Referral ref : Referral.<Referral>find("newcomerCustomerId = ?1 and status = 'PENDING'", newcomer)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()) {
            Instant applied = ref.appliedAt == null ? ref.createdAt : ref.appliedAt;
            Optional<String> notNew = NewCustomerRule.boughtBefore(applied, purchasedAt);
            if (notNew.isPresent()) {
                ref.status = NewCustomerRule.NOT_QUALIFYING;
                ref.refusal = notNew.get();
                ref.purchaseId = purchaseId;
                continue;
            }
            Programme p = ProgrammeService.require(ref.programmeId);
            Member referrer = ledger.lock(ref.referrerMemberId);
            long referrerPoints = 0;
            long newcomerPoints = 0;
            if (referrer.active() && p.referrerPoints > 0) {
                ledger.credit(
                        referrer,
                        p,
                        Kind.EARN,
                        Booking.of(
                                p.referrerPoints,
                                "referral of a new customer",
                                "REFERRAL",
                                "referral:" + ref.id + ":referrer"));
                referrerPoints = p.referrerPoints;
            }
            Optional<Member> joined = Member.find(
                            "programmeId = ?1 and customerId = ?2 and status = ?3", p.id, newcomer, Member.ACTIVE)
                    .firstResultOptional();
            if (joined.isPresent() && p.newcomerPoints > 0) {
                ledger.credit(
                        ledger.lock(joined.get().id),
                        p,
                        Kind.EARN,
                        Booking.of(
                                p.newcomerPoints,
                                "welcome bonus for joining through a referral",
                                "REFERRAL",
                                "referral:" + ref.id + ":newcomer"));
                newcomerPoints = p.newcomerPoints;
            }
            ref.status = "COMPLETED";
            ref.purchaseId = purchaseId;
            ref.completedAt = clock.instant();
            if (referrer.customerId != null) {
                outbox.publish(
                        LoyaltyEvents.REFERRAL_COMPLETED,
                        referrer.customerId,
                        new ReferralCompleted(
                                ref.id.toString(),
                                p.id.toString(),
                                referrer.id.toString(),
                                referrer.customerId.toString(),
                                newcomer.toString(),
                                referrerPoints,
                                newcomerPoints,
                                purchaseId.toString(),
                                ref.completedAt));
            }
        }
    }

    /**
     * The purchase that completed a referral was refunded whole: both rewards it paid are reversed (a points debt where
     * they were spent) and the referral becomes REVERSED, once per refund.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purchaseRefunded(UUID purchaseId, String refundId, Instant at) {
        for (Referral ref : Referral.<Referral>find("purchaseId = ?1 and status = 'COMPLETED'", purchaseId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()) {
            for (String side : new String[] {"referrer", "newcomer"}) {
                String rewardKey = "referral:" + ref.id + ":" + side;
                Optional<io.rapport.loyalty.domain.LedgerEntry> reward = ledger.existing(ref.programmeId, rewardKey);
                if (reward.isEmpty() || reward.get().points <= 0) {
                    continue;
                }
                Member m = ledger.lock(reward.get().memberId);
                ledger.reverse(
                        m,
                        new Booking(
                                reward.get().points,
                                null,
                                "refund " + refundId + ": the purchase that completed" + " referral " + ref.id
                                        + " was refunded whole",
                                "REFUND",
                                "refund:" + refundId + ":" + rewardKey,
                                rewardKey,
                                null,
                                at));
            }
            ref.status = "REVERSED";
        }
    }

    private static Instant registeredAt(UUID customer) {
        CustomerProfile p = CustomerProfile.findById(customer);
        return p == null ? null : p.registeredAt;
    }

    private static Instant firstPurchaseAt(UUID customer) {
        return io.rapport.loyalty.domain.PurchaseFact.<io.rapport.loyalty.domain.PurchaseFact>find(
                        "customerId = ?1 order by occurredAt", customer)
                .firstResultOptional()
                .map(f -> f.occurredAt)
                .orElse(null);
    }

    /** Null when the two customers may refer each other, otherwise why not. */
    String refusal(UUID referrer, UUID newcomer) {
        if (referrer == null) {
            return "the referrer's record was erased";
        }
        if (referrer.equals(newcomer)) {
            return "self-referral: a member cannot refer themselves";
        }
        Map<UUID, ProfileDecision.Row> rows = profiles.load(List.of(referrer, newcomer));
        ProfileDecision.Row a = rows.get(referrer);
        ProfileDecision.Row b = rows.get(newcomer);
        if (a == null || b == null) {
            return null;
        }
        if (shared(a.emails(), b.emails())) {
            return "self-referral: the referrer and the newcomer share an e-mail address";
        }
        if (shared(a.phones(), b.phones())) {
            return "self-referral: the referrer and the newcomer share a phone number";
        }
        return null;
    }

    private static boolean shared(String x, String y) {
        Set<String> a = split(x);
        return split(y).stream().anyMatch(a::contains);
    }

    private static Set<String> split(String s) {
        return s == null
                ? Set.of()
                : Arrays.stream(s.split(",")).filter(v -> !v.isBlank()).collect(Collectors.toSet());
    }
}
