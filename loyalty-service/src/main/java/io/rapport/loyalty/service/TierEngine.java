package io.rapport.loyalty.service;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.TierChanged;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.TierChange;
import io.rapport.loyalty.domain.TierPolicy;
import io.rapport.loyalty.domain.TierPolicy.Qualification;
import io.rapport.loyalty.domain.TierRule;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's starting tier and the storing of tier changes (a history line and an event each). Evaluation is
 * {@code tier/TierPipeline} (and earning's own run); the rule is {@link TierPolicy} over the window of
 * {@code domain/TierWindow}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TierEngine {
    private final Outbox outbox;
    private final Segments segments;
    private final RulesCache rules;

    public TierEngine(Outbox outbox, Segments segments, RulesCache rules) {
        this.outbox = outbox;
        this.segments = segments;
        this.rules = rules;
    }

    /** The entry tier, or a better one the customer's segment already qualifies for. */
    public Qualification initial(Programme p, UUID customerId) {
        return TierPolicy.qualify(
                rules(p.id), BigDecimal.ZERO, TierPolicy.unit(p.spendBased(), p.currency), segments.of(customerId));
    }

    /** Moves the member to {@code to}, with a history line and an event. */
    public void change(Member m, TierRule to, String direction, String reason, Instant at) {
        String from = m.tierCode;
        m.tierCode = to.code();
        m.tierRank = to.rank();
        history(m.id, from, to.code(), direction, reason, at);
        if (m.customerId != null) {
            outbox.publish(
                    LoyaltyEvents.TIER_CHANGED,
                    m.customerId,
                    new TierChanged(
                            m.id.toString(),
                            m.programmeId.toString(),
                            m.customerId.toString(),
                            from,
                            to.code(),
                            direction,
                            reason,
                            at));
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

    public List<TierRule> rules(UUID programmeId) {
        return rules.of(programmeId).tiers();
    }
}
