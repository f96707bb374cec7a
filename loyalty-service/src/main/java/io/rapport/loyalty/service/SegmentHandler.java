package io.rapport.loyalty.service;

import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.loyalty.domain.CustomerProfile;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.tier.TierPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A customer's segment class changed: remember it, enrol the customer in every programme whose auto-enrol
 * rule names the new class (never re-enrolling someone who left), and upgrade memberships whose tiers the class reaches (a lost class only
 * counts at the end of the qualification period, like any downgrade).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SegmentHandler {
    private final Segments segments;
    private final MembershipService memberships;
    private final TierPipeline tiers;
    private final Ledger ledger;
    private final Clock clock;

    public SegmentHandler(
            Segments segments, MembershipService memberships, TierPipeline tiers, Ledger ledger, Clock clock) {
        this.segments = segments;
        this.memberships = memberships;
        this.tiers = tiers;
        this.ledger = ledger;
        this.clock = clock;
    }

    public void changed(SegmentChanged e) {
        UUID customerId = UUID.fromString(e.customerId());
        CustomerProfile profile = CustomerProfile.findById(customerId);
        if (profile != null && profile.erased) {
            return;
        }
        Instant at = e.occurredAt() == null ? clock.instant() : e.occurredAt();
        segments.set(customerId, e.scheme(), e.toClass(), at);
        for (Programme p :
                Programme.<Programme>list("autoEnrolScheme = ?1 and autoEnrolClass = ?2", e.scheme(), e.toClass())) {
            if (Member.count("programmeId = ?1 and customerId = ?2", p.id, customerId) == 0) {
                memberships.enrol(p.id, customerId, "AUTO_RULE");
            }
        }
        List<Member> locked = new ArrayList<>();
        for (Member found : Member.<Member>list("customerId = ?1 and status = ?2", customerId, Member.ACTIVE)) {
            locked.add(ledger.lock(found.id));
        }
        tiers.reevaluate(locked, clock.instant());
    }
}
