package io.rapport.loyalty.service;

import io.rapport.loyalty.config.LoyaltyConfig;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.PartnerLimits;
import io.rapport.loyalty.domain.PartnerLink;
import io.rapport.loyalty.domain.RedemptionCode;
import io.rapport.loyalty.domain.RedemptionCodes;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Issues the one-time codes a member presents to a partner: only for a partner the member has linked, bound to member,
 * partner and a maximum of points, valid for {@code rapport.loyalty.partners.code-ttl}. The code is returned once and
 * stored only as a hash.
 */
@ApplicationScoped
public class RedemptionCodeService {
    private final Ledger ledger;
    private final LoyaltyConfig config;
    private final java.time.Clock clock;

    public RedemptionCodeService(Ledger ledger, LoyaltyConfig config, java.time.Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.config = config;
    }

    /** The stored code and, once, the code itself. */
    public record Issued(RedemptionCode stored, String code, Member member) {}

    @Transactional
    public Issued issue(UUID memberId, UUID partnerId, BigDecimal maxPoints, String createdBy) {
        long max = PartnerLimits.points(maxPoints)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "amount-out-of-range",
                        "maxPoints",
                        "must be a whole number of points from 1 to " + PartnerLimits.MAX_POINTS));
        Member m = ledger.lock(memberId);
        PointsService.requireActive(m);
        if (PartnerLink.active(memberId, partnerId).isEmpty()) {
            throw ProblemException.unprocessable("not-linked", "partnerId", "the member has not linked this partner");
        }
        String code = RedemptionCodes.newCode();
        RedemptionCode c = new RedemptionCode();
        c.id = UUID.randomUUID();
        c.memberId = memberId;
        c.partnerId = partnerId;
        c.codeHash = RedemptionCodes.hash(c.id, code);
        c.maxPoints = max;
        c.createdAt = clock.instant();
        c.expiresAt = c.createdAt.plus(config.partners().codeTtl());
        c.createdBy = createdBy;
        c.persist();
        return new Issued(c, code, m);
    }
}
