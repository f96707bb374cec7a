package io.rapport.loyalty.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Counts a wrong redemption code against the member's outstanding codes at that partner, in its own transaction so the
 * count survives the refusal that rolls the redemption back. After {@code rapport.loyalty.partners.max-code-attempts}
 * wrong codes those codes are dead: the member asks for a new one.
 */
@ApplicationScoped
public class CodeAttempts {
    private final EntityManager em;
    private final java.time.Clock clock;

    public CodeAttempts(EntityManager em, java.time.Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void wrongCode(UUID memberId, UUID partnerId) {
        em.createNativeQuery("update redemption_code set failed_attempts = failed_attempts + 1 where member_id = ?1"
                        + " and partner_id = ?2 and used_at is null and expires_at > ?3")
                .setParameter(1, memberId)
                .setParameter(2, partnerId)
                .setParameter(3, clock.instant())
                .executeUpdate();
    }
}
