package io.rapport.loyalty.service;

import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.loyalty.domain.CustomerProfile;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.TierRule;
import io.rapport.loyalty.profile.ProfileDecision;
import io.rapport.loyalty.profile.ProfilePipeline;
import io.rapport.platform.audit.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Follows the customer record: keeps the contact-point digests the referral checks need (never an e-mail or phone), combines memberships on
 * a merge (ledgers and lots move to the survivor's membership, balances add up, the higher tier is kept)
 * and anonymises on an erasure (contact data deleted, memberships detached from the customer id; the
 * ledger stays, keyed by the anonymous membership).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerLifecycle {
    private final EntityManager em;
    private final Ledger ledger;
    private final TierEngine tiers;
    private final ReferralService referrals;
    private final Audit audit;
    private final ProfilePipeline profiles;
    private final java.time.Clock clock;

    public CustomerLifecycle(
            EntityManager em,
            Ledger ledger,
            TierEngine tiers,
            ReferralService referrals,
            Audit audit,
            ProfilePipeline profiles,
            java.time.Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
        this.audit = audit;
        this.em = em;
        this.ledger = ledger;
        this.tiers = tiers;
        this.referrals = referrals;
    }

    /** A registration or update: refresh the contact-point digests; a registration with a referral code links the referral. */
    public void snapshot(CustomerSnapshot c, boolean registered) {
        snapshot(c, registered, true);
    }

    /**
     * Like {@link #snapshot(CustomerSnapshot, boolean)}; with {@code current} false (a snapshot older than one already
     * applied) the contact data stays as it is, but a registration still links its referral. The profile goes through
     * {@link ProfilePipeline} as a run of one.
     */
    public void snapshot(CustomerSnapshot c, boolean registered, boolean current) {
        UUID id = UUID.fromString(c.customerId());
        String code = registered ? c.referralCode() : null;
        ProfileDecision.Row after = profiles.apply(
                        List.of(new ProfileDecision.Change(id, c.createdAt(), current, c.contactDigests(), code)))
                .get(id);
        if (!after.erased() && code != null && !code.isBlank()) {
            referrals.link(after.referralCode(), id, false, c.createdAt());
        }
    }

    /**
     * Combines the merged customer's memberships into the survivor's. The merge travels on the duplicate's partition
     * and the survivor's erasure on the survivor's, so the erasure may be applied first or at once: both hold the
     * customers' locks ({@link #lockCustomers}), and when the survivor is already erased what the merge brought is
     * erased as well.
     */
    public void merged(UUID survivor, UUID merged) {
        lockCustomers(survivor, merged);
        for (Member gone : Member.<Member>list("customerId", merged)) {
            Member from = ledger.lock(gone.id);
            Member into = Member.<Member>find("programmeId = ?1 and customerId = ?2", from.programmeId, survivor)
                    .firstResultOptional()
                    .map(m -> ledger.lock(m.id))
                    .orElse(null);
            if (into == null) {
                from.customerId = survivor;
                continue;
            }
            em.createQuery("update LedgerEntry set memberId = ?1 where memberId = ?2")
                    .setParameter(1, into.id)
                    .setParameter(2, from.id)
                    .executeUpdate();
            em.createQuery("update PointsLot set memberId = ?1 where memberId = ?2")
                    .setParameter(1, into.id)
                    .setParameter(2, from.id)
                    .executeUpdate();
            ledger.absorb(into, from);
            em.createNativeQuery(
                            "update partner_link l set member_id = ?1 where member_id = ?2 and (revoked_at is not null"
                                    + " or not exists (select 1 from partner_link o where o.member_id = ?1 and o.partner_id = l.partner_id"
                                    + " and o.revoked_at is null))")
                    .setParameter(1, into.id)
                    .setParameter(2, from.id)
                    .executeUpdate();
            if (from.tierRank > into.tierRank) {
                TierRule higher = tiers.rules(from.programmeId).stream()
                        .filter(r -> r.rank() == from.tierRank)
                        .findFirst()
                        .orElseThrow();
                tiers.change(
                        into,
                        higher,
                        "UP",
                        "merged with member " + from.memberNumber + " (tier " + from.tierCode + ")",
                        clock.instant());
            }
            if (!into.active() && from.active()) {
                into.reactivate();
            }
            from.status = Member.MERGED;
            from.customerId = null;
            from.referralCode = null;
            em.createQuery("update Referral set referrerMemberId = ?1 where referrerMemberId = ?2")
                    .setParameter(1, into.id)
                    .setParameter(2, from.id)
                    .executeUpdate();
        }
        em.createNativeQuery("update purchase_fact set customer_id = ?1 where customer_id = ?2")
                .setParameter(1, survivor)
                .setParameter(2, merged)
                .executeUpdate();
        em.createNativeQuery(
                        "update referral r set newcomer_customer_id = ?1 where newcomer_customer_id = ?2 and not exists"
                                + " (select 1 from referral o where o.programme_id = r.programme_id and o.newcomer_customer_id = ?1)")
                .setParameter(1, survivor)
                .setParameter(2, merged)
                .executeUpdate();
        em.createNativeQuery("delete from customer_segment where customer_id = ?1")
                .setParameter(1, merged)
                .executeUpdate();
        CustomerProfile.deleteById(merged);
        boolean survivorErased = (Boolean)
                em.createNativeQuery("select exists (select 1 from customer_profile where customer_id = ?1 and erased)")
                        .setParameter(1, survivor)
                        .getSingleResult();
        if (survivorErased) {
            erased(survivor);
        }
    }

    /**
     * A lock per customer id until the transaction ends (in id order, so two callers cannot wait on each other), held by
     * merges and erasures: an advisory lock, since the customer may have no row in loyalty yet.
     */
    private void lockCustomers(UUID... ids) {
        for (UUID id : java.util.Arrays.stream(ids).sorted().distinct().toList()) {
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 7)) ) l")
                    .setParameter(1, "loyalty-customer:" + id)
                    .getSingleResult();
        }
    }

    public void erased(UUID customerId) {
        lockCustomers(customerId);
        for (Member m : Member.<Member>list("customerId", customerId)) {
            Member locked = ledger.lock(m.id);
            locked.customerId = null;
            locked.referralCode = null;
            locked.status = Member.ERASED;
            em.createNativeQuery("delete from event_invitation where member_id = ?1")
                    .setParameter(1, m.id)
                    .executeUpdate();
            // reasons staff typed for adjustments and direct redemptions are free text about the customer
            em.createNativeQuery(
                            "update ledger_entry set reason = '(erased)' where member_id = ?1 and source in ('ADJUSTMENT', 'DIRECT', 'PARTNER')")
                    .setParameter(1, m.id)
                    .executeUpdate();
        }
        em.createNativeQuery("update purchase_fact set customer_id = null where customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate();
        em.createNativeQuery("update referral set newcomer_customer_id = null where newcomer_customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate();
        em.createNativeQuery("delete from customer_segment where customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate();
        CustomerProfile p = CustomerProfile.findById(customerId);
        if (p == null) {
            p = new CustomerProfile();
            p.customerId = customerId;
            p.persist();
        }
        p.referralCode = null;
        em.flush();
        em.createNativeQuery("update customer_profile set emails = null, phones = null where customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate();
        p.erased = true;
        audit.redactCustomers(List.of(customerId));
    }
}
