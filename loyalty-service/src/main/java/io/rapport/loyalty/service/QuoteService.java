package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.BenefitRule;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.QuotePricer;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The quote: which benefits a member gets for a basket and the resulting price (see {@link QuotePricer}).
 * Read-only. The basket must be in the programme's currency (422 otherwise); the customer must be an active
 * member (404 otherwise).
 */
@ApplicationScoped
public class QuoteService {
    private final QuoteFacts facts;
    private final RulesCache rules;

    public QuoteService(QuoteFacts facts, RulesCache rules) {
        this.facts = facts;
        this.rules = rules;
    }

    /** A benefit with why it applies, or why not. */
    public record Verdict(BenefitRule benefit, String why) {}

    /** The priced basket of a member, the benefits applied and those not applied (by benefit id), each with why. */
    public record Quote(
            String programmeId,
            String customerId,
            String memberNumber,
            String tier,
            String currency,
            QuotePricer.Priced priced,
            List<Verdict> applied,
            List<Verdict> notApplied) {}

    public Quote quote(UUID programmeId, UUID customerId, String currency, List<QuotePricer.BasketLine> basket) {
        RulesCache.Rules cached = rules.of(programmeId);
        Programme p = cached.programme();
        if (!p.currency.equals(currency)) {
            throw ProblemException.unprocessable(
                    "currency-mismatch", "currency", "the programme prices in " + p.currency + ", not " + currency);
        }
        QuoteFacts.MemberFacts m = facts.of(programmeId, customerId)
                .orElseThrow(() ->
                        ProblemException.notFound("member of programme " + programmeId + " for customer", customerId));
        Set<String> classes = m.classes();
        List<BenefitRule> eligible = new ArrayList<>();
        List<Verdict> skipped = new ArrayList<>();
        for (BenefitRule r : cached.benefits()) {
            String why = r.ineligibility(m.tierRank(), m.tierCode(), classes, cached::tierName);
            if (why == null) {
                eligible.add(r);
            } else {
                skipped.add(new Verdict(r, why));
            }
        }
        long earlier = m.earlierPurchases();
        QuotePricer.Priced priced = QuotePricer.price(p.currency, basket, eligible, earlier);
        List<Verdict> applied =
                priced.applied().stream().map(b -> new Verdict(b, why(b, m))).toList();
        for (BenefitRule r : eligible) {
            if (!priced.applied().contains(r)) {
                skipped.add(new Verdict(r, "eligible, but its terms do not match this basket or purchase history"));
            }
        }
        return new Quote(
                p.id.toString(),
                customerId.toString(),
                m.memberNumber(),
                m.tierCode(),
                p.currency,
                priced,
                applied,
                skipped.stream()
                        .sorted(Comparator.comparing(
                                (Verdict v) -> v.benefit().id().toString()))
                        .toList());
    }

    private static String why(BenefitRule b, QuoteFacts.MemberFacts m) {
        if (b.minTierRank() == null && b.segmentClasses().isEmpty()) {
            return "for every member";
        }
        return "member at tier " + m.tierCode() + " meets its tier or segment condition";
    }
}
