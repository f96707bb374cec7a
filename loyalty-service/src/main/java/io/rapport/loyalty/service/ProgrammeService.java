package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.BonusRule;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.Tier;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Programmes (clubs), their tiers (ordered by rank, thresholds strictly rising) and bonus rules. */
@ApplicationScoped
public class ProgrammeService {
    private final RulesCache rules;
    private final Audit audit;
    private final java.time.Clock clock;

    public ProgrammeService(RulesCache rules, Audit audit, java.time.Clock clock) {
        this.clock = clock;
        this.rules = rules;
        this.audit = audit;
    }

    public static Programme require(UUID id) {
        Programme p = Programme.findById(id);
        if (p == null) {
            throw ProblemException.notFound("programme", id);
        }
        return p;
    }

    /** A new programme (validated by the caller); tiers lowest first. */
    public record ProgrammeCreate(
            String code, String name, String currency, Rules rules, List<TierSpec> tiers, List<BonusSpec> bonuses) {}

    /** A programme's rules. */
    public record Rules(
            BigDecimal pointsPerUnit,
            String qualificationBasis,
            Integer qualificationMonths,
            Integer expiryMonths,
            Integer expiryWarningDays,
            Long referrerPoints,
            Long newcomerPoints,
            AutoEnrol autoEnrol) {}

    /** Enrol every customer whose class in the scheme becomes this class. */
    public record AutoEnrol(String scheme, String classLabel) {}

    /** A tier; segment classes (SCHEME:CLASS) reach it regardless of the threshold. */
    public record TierSpec(
            String code, String name, BigDecimal threshold, BigDecimal multiplier, List<String> segmentClasses) {}

    /** A bonus multiplier for a category and/or a period (validTo exclusive). */
    public record BonusSpec(String name, String category, Instant validFrom, Instant validTo, BigDecimal multiplier) {}

    @Transactional
    public Programme create(ProgrammeCreate req) {
        try {
            java.util.Currency.getInstance(req.currency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("currency", "not an ISO 4217 currency");
        }
        checkTiers(req.tiers());
        List<BonusSpec> bonuses = req.bonuses() == null ? List.of() : req.bonuses();
        for (int i = 0; i < bonuses.size(); i++) {
            BonusSpec b = bonuses.get(i);
            if (b.validFrom() != null && b.validTo() != null && !b.validTo().isAfter(b.validFrom())) {
                throw ProblemException.unprocessable(
                        "invalid-period", "bonuses[" + i + "].validTo", "must be after validFrom");
            }
        }
        if (Programme.count("code", req.code()) > 0) {
            throw ProblemException.conflict(
                    "duplicate-code", "a programme with code " + req.code() + " exists", Map.of("code", req.code()));
        }
        Programme p = new Programme();
        p.id = UUID.randomUUID();
        p.code = req.code();
        p.name = req.name();
        p.currency = req.currency();
        p.createdAt = clock.instant();
        apply(p, req.rules());
        p.persist();
        for (int rank = 0; rank < req.tiers().size(); rank++) {
            TierSpec s = req.tiers().get(rank);
            Tier t = new Tier();
            t.id = UUID.randomUUID();
            t.programmeId = p.id;
            t.code = s.code();
            t.name = s.name();
            t.rank = rank;
            t.threshold = s.threshold();
            t.multiplier = s.multiplier();
            t.segmentClasses = s.segmentClasses() == null || s.segmentClasses().isEmpty()
                    ? null
                    : String.join(",", s.segmentClasses());
            t.persist();
        }
        for (BonusSpec s : bonuses) {
            BonusRule b = new BonusRule();
            b.id = UUID.randomUUID();
            b.programmeId = p.id;
            b.name = s.name();
            b.category = s.category();
            b.validFrom = s.validFrom();
            b.validTo = s.validTo();
            b.multiplier = s.multiplier();
            b.persist();
        }
        audit.change("programme", p.id, null, "CREATE", null, audited(p));
        return p;
    }

    @Transactional
    public Programme update(UUID id, String ifMatch, String name, Rules newRules) {
        Programme p = require(id);
        ETags.check(ifMatch, p.version);
        Map<String, Object> before = audited(p);
        p.name = name;
        apply(p, newRules);
        audit.change("programme", p.id, null, "UPDATE", before, audited(p));
        Programme.getEntityManager().flush();
        this.rules.invalidate(id);
        return p;
    }

    /** The programme's rules as the audit trail records them. */
    private static Map<String, Object> audited(Programme p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", p.code);
        m.put("name", p.name);
        m.put("currency", p.currency);
        m.put("pointsPerUnit", p.pointsPerUnit);
        m.put("qualificationBasis", p.qualificationBasis);
        m.put("qualificationMonths", p.qualificationMonths);
        m.put("expiryMonths", p.expiryMonths);
        m.put("expiryWarningDays", p.expiryWarningDays);
        m.put("referrerPoints", p.referrerPoints);
        m.put("newcomerPoints", p.newcomerPoints);
        m.put("autoEnrolScheme", p.autoEnrolScheme);
        m.put("autoEnrolClass", p.autoEnrolClass);
        return m;
    }

    private static void apply(Programme p, Rules r) {
        p.pointsPerUnit = r.pointsPerUnit();
        p.qualificationBasis = r.qualificationBasis();
        p.qualificationMonths = r.qualificationMonths();
        p.expiryMonths = r.expiryMonths();
        p.expiryWarningDays = r.expiryWarningDays();
        p.referrerPoints = r.referrerPoints();
        p.newcomerPoints = r.newcomerPoints();
        p.autoEnrolScheme = r.autoEnrol() == null ? null : r.autoEnrol().scheme();
        p.autoEnrolClass = r.autoEnrol() == null ? null : r.autoEnrol().classLabel();
    }

    private static void checkTiers(List<TierSpec> tiers) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!codes.add(tiers.get(i).code())) {
                throw ProblemException.unprocessable("duplicate-tier", "tiers[" + i + "].code", "appears twice");
            }
            if (i > 0 && tiers.get(i).threshold().compareTo(tiers.get(i - 1).threshold()) <= 0) {
                throw ProblemException.unprocessable(
                        "tier-order",
                        "tiers[" + i + "].threshold",
                        "must be above the threshold of the tier before it (tiers are listed lowest first)");
            }
        }
    }
}
