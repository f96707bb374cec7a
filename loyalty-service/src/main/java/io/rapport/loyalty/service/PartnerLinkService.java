package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.domain.PartnerLink;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * A member's consent to a partner: linking records when, through which channel and who recorded it; linking again
 * while a link is active returns that link; revoking ends it (earning and spending there stop at once) and keeps it
 * in the history. Changes run under the member's row lock, like every booking that reads the link.
 */
@ApplicationScoped
public class PartnerLinkService {
    private final Ledger ledger;
    private final java.time.Clock clock;

    public PartnerLinkService(Ledger ledger, java.time.Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
    }

    public record Linked(PartnerLink link, boolean created) {}

    @Transactional
    public Linked link(UUID memberId, UUID partnerId, String source, String recordedBy) {
        Member m = ledger.lock(memberId);
        Partner p = Partner.findById(partnerId);
        if (p == null || !p.programmeId.equals(m.programmeId)) {
            throw ProblemException.unprocessable(
                    "unknown-partner", "partnerId", "is not a partner of the member's programme");
        }
        if (!p.active) {
            throw ProblemException.unprocessable("partner-inactive", "partnerId", "is not an active partner");
        }
        PointsService.requireActive(m);
        var existing = PartnerLink.active(memberId, partnerId);
        if (existing.isPresent()) {
            return new Linked(existing.get(), false);
        }
        PartnerLink l = new PartnerLink();
        l.id = UUID.randomUUID();
        l.memberId = memberId;
        l.partnerId = partnerId;
        l.source = source;
        l.consentedAt = clock.instant();
        l.recordedBy = recordedBy;
        l.persist();
        return new Linked(l, true);
    }

    @Transactional
    public PartnerLink revoke(UUID memberId, UUID partnerId, String revokedBy) {
        ledger.lock(memberId);
        PartnerLink l = PartnerLink.active(memberId, partnerId)
                .orElseThrow(() ->
                        ProblemException.notFound("active link of member " + memberId + " to partner", partnerId));
        l.revokedAt = clock.instant();
        l.revokedBy = revokedBy;
        return l;
    }

    public List<PartnerLink> history(UUID memberId) {
        if (Member.findById(memberId) == null) {
            throw ProblemException.notFound("member", memberId);
        }
        return PartnerLink.list("memberId = ?1 order by consentedAt desc, id", memberId);
    }
}
