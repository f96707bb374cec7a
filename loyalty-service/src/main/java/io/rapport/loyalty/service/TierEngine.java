package io.rapport.loyalty.service;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.TierChanged;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.TierChange;
import io.rapport.loyalty.domain.TierPolicy;
import io.rapport.loyalty.domain.TierPolicy.Decision;
import io.rapport.loyalty.domain.TierPolicy.Qualification;
import io.rapport.loyalty.domain.TierRule;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies {@link TierPolicy} to a locked member: the qualifying figure is the sum of EARN and REVERSE
 * entries (points, or their money for spend-based programmes) in the rolling window ending at the
 * evaluation time. Redemptions and expiries do not lower it: tiers follow what was earned, not the balance.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TierEngine {
    private final EntityManager em;
    private final Outbox outbox;
    private final Segments segments;
    private final RulesCache rules;

    public TierEngine(EntityManager em, Outbox outbox, Segments segments, RulesCache rules) {
        this.em = em;
        this.outbox = outbox;
        this.segments = segments;
        this.rules = rules;
    }

    /** The entry tier, or a better one the customer's segment already qualifies for. */
    public Qualification initial(Programme p, UUID customerId) {
        return TierPolicy.qualify(rules(p.id), BigDecimal.ZERO, unit(p), segments.of(customerId));
    }

    /**
     * Re-evaluates the member at {@code at}.
     *
     * @param periodEnded true at the end of the member's qualification period: only then may it go down
     */
    public Decision evaluate(Member m, Programme p, Instant at, boolean periodEnded) {
        RulesCache.Rules cached = rules.of(p.id);
        List<TierRule> tierRules = cached.tiers();
        if (!periodEnded && tierRules.stream().allMatch(r -> r.rank() <= m.tierRank)) {
            return Decision.KEEP;
        }
        Set<String> classes = cached.segmentTiers() ? segments.of(m.customerId) : Set.of();
        Qualification q = TierPolicy.qualify(tierRules, figure(m.id, p, at), unit(p), classes);
        TierRule current = tierRules.stream().filter(r -> r.code().equals(m.tierCode)).findFirst().orElse(q.tier());
        Decision d = TierPolicy.decide(current, q, periodEnded);
        if (d != Decision.KEEP) {
            change(m, q.tier(), d == Decision.UPGRADE ? "UP" : "DOWN", q.reason(), at);
        }
        return d;
    }

    /** Moves the member to {@code to}, with a history line and an event. */
    public void change(Member m, TierRule to, String direction, String reason, Instant at) {
        String from = m.tierCode;
        m.tierCode = to.code();
        m.tierRank = to.rank();
        history(m.id, from, to.code(), direction, reason, at);
        if (m.customerId != null) {
            outbox.publish(LoyaltyEvents.TIER_CHANGED, m.customerId, new TierChanged(m.id.toString(), m.programmeId.toString(),
                    m.customerId.toString(), from, to.code(), direction, reason, at));
        }
    }

    public void history(UUID memberId, String from, String to, String direction, String reason, Instant at) {
        TierChange c = new TierChange();
        c.id = UUID.randomUUID();
        c.memberId = memberId;
        c.fromTier = from;
        c.toTier = to;
        c.direction = direction;
        c.reason = reason;
        c.changedAt = at;
        c.persist();
    }

    /** Points (or money) earned in the window of {@code qualificationMonths} ending at {@code at}. */
    public BigDecimal figure(UUID memberId, Programme p, Instant at) {
        Instant from = at.atOffset(ZoneOffset.UTC).minusMonths(p.qualificationMonths).toInstant();
        String column = p.spendBased() ? "coalesce(spend, 0)" : "points";
        Object sum = em.createNativeQuery("select coalesce(sum(" + column + "), 0) from ledger_entry where member_id = ?1"
                + " and kind in ('EARN', 'REVERSE') and occurred_at > ?2 and occurred_at <= ?3")
                .setParameter(1, memberId).setParameter(2, from).setParameter(3, at).getSingleResult();
        return new BigDecimal(sum.toString());
    }

    public List<TierRule> rules(UUID programmeId) {
        return rules.of(programmeId).tiers();
    }

    private static String unit(Programme p) {
        return p.spendBased() ? p.currency + " spent" : "points earned";
    }
}
