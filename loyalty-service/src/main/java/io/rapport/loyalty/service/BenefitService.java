package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.Benefit;
import io.rapport.loyalty.domain.BenefitKind;
import io.rapport.loyalty.domain.Tier;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Benefits of a programme; each kind needs its own terms (checked here, 422 otherwise). */
@ApplicationScoped
public class BenefitService {
    private final RulesCache rules;
    private final java.time.Clock clock;

    public BenefitService(RulesCache rules, java.time.Clock clock) {
        this.clock = clock;
        this.rules = rules;
    }

    /** What a new benefit says (validated by the caller). */
    public record BenefitCreate(
            io.rapport.loyalty.domain.BenefitKind kind,
            String name,
            String description,
            String minTier,
            List<String> segmentClasses,
            java.math.BigDecimal percent,
            java.math.BigDecimal memberPrice,
            String sku,
            String category,
            Integer minQuantity,
            Integer minPurchases) {}

    @Transactional
    public Benefit create(UUID programmeId, BenefitCreate req) {
        ProgrammeService.require(programmeId);
        Integer minRank = null;
        if (req.minTier() != null) {
            Tier t = Tier.find("programmeId = ?1 and code = ?2", programmeId, req.minTier())
                    .firstResult();
            if (t == null) {
                throw ProblemException.unprocessable(
                        "unknown-tier", "minTier", "the programme has no tier " + req.minTier());
            }
            minRank = t.rank;
        }
        BenefitKind k = req.kind();
        if ((k == BenefitKind.REPEAT_PURCHASE_DISCOUNT || k == BenefitKind.VOLUME_BREAK) && req.percent() == null) {
            throw ProblemException.unprocessable("missing-terms", "percent", "is required for " + k);
        }
        if (k == BenefitKind.VOLUME_BREAK && req.minQuantity() == null) {
            throw ProblemException.unprocessable("missing-terms", "minQuantity", "is required for " + k);
        }
        if (k == BenefitKind.MEMBER_PRICE && (req.memberPrice() == null || req.sku() == null)) {
            throw ProblemException.unprocessable(
                    "missing-terms", "memberPrice", "memberPrice and sku are required for " + k);
        }
        Benefit b = new Benefit();
        b.id = UUID.randomUUID();
        b.programmeId = programmeId;
        b.kind = k;
        b.name = req.name();
        b.description = req.description();
        b.minTierRank = minRank;
        b.segmentClasses = req.segmentClasses() == null || req.segmentClasses().isEmpty()
                ? null
                : String.join(",", req.segmentClasses());
        b.percent = req.percent();
        b.memberPrice = req.memberPrice();
        b.sku = req.sku();
        b.category = req.category();
        b.minQuantity = req.minQuantity();
        b.minPurchases = req.minPurchases();
        b.createdAt = clock.instant();
        b.persist();
        rules.invalidate(programmeId);
        return b;
    }
}
