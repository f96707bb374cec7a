package io.rapport.engagement.outreach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer's loyalty balance and tier per programme, projected from loyalty.events (PointsEarned, PointsRedeemed
 * and PointsExpired carry the balance after the booking; MemberEnrolled and TierChanged the tier), so a message shows
 * them without asking loyalty at send time. Stale events are skipped by the consumer (per-customer order).
 */
@ApplicationScoped
public class LoyaltyStanding {
    /** What a template shows; {@code member} false when the customer is in no programme. */
    public record Standing(boolean member, long balance, String tier) {
        public static final Standing NONE = new Standing(false, 0, null);
    }

    private final EntityManager em;

    public LoyaltyStanding(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void balance(UUID customerId, UUID programmeId, UUID memberId, long balance, Instant at) {
        em.createNativeQuery("""
                insert into customer_loyalty (customer_id, programme_id, member_id, balance, updated_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (customer_id, programme_id) do update set balance = excluded.balance,
                       member_id = coalesce(excluded.member_id, customer_loyalty.member_id), updated_at = excluded.updated_at
                """)
                .setParameter(1, customerId)
                .setParameter(2, programmeId)
                .setParameter(3, memberId)
                .setParameter(4, balance)
                .setParameter(5, at)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void tier(UUID customerId, UUID programmeId, UUID memberId, String tier, Instant at) {
        em.createNativeQuery("""
                insert into customer_loyalty (customer_id, programme_id, member_id, tier, updated_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (customer_id, programme_id) do update set tier = excluded.tier,
                       member_id = coalesce(excluded.member_id, customer_loyalty.member_id), updated_at = excluded.updated_at
                """)
                .setParameter(1, customerId)
                .setParameter(2, programmeId)
                .setParameter(3, memberId)
                .setParameter(4, tier)
                .setParameter(5, at)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void left(UUID customerId, UUID programmeId) {
        em.createNativeQuery("delete from customer_loyalty where customer_id = ?1 and programme_id = ?2")
                .setParameter(1, customerId)
                .setParameter(2, programmeId)
                .executeUpdate();
    }

    /** The membership with the largest balance (the one a customer cares about most); NONE without one. */
    public Standing of(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select balance, tier from customer_loyalty where customer_id = ?1"
                        + " order by balance desc, updated_at desc limit 1")
                .setParameter(1, customerId)
                .getResultList();
        if (rows.isEmpty()) {
            return Standing.NONE;
        }
        return new Standing(true, ((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
    }
}
