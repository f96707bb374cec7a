package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.BenefitRule;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.QuotePricer;
import io.rapport.loyalty.rest.BenefitDtos.AppliedBenefit;
import io.rapport.loyalty.rest.BenefitDtos.DiscountLineView;
import io.rapport.loyalty.rest.BenefitDtos.PricedLineView;
import io.rapport.loyalty.rest.BenefitDtos.QuoteRequest;
import io.rapport.loyalty.rest.BenefitDtos.QuoteView;
import io.rapport.loyalty.rest.BenefitDtos.SkippedBenefit;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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

    public QuoteView quote(java.util.UUID programmeId, QuoteRequest req) {
        RulesCache.Rules cached = rules.of(programmeId);
        Programme p = cached.programme();
        if (!p.currency.equals(req.currency())) {
            throw ProblemException.unprocessable("currency-mismatch", "currency",
                    "the programme prices in " + p.currency + ", not " + req.currency());
        }
        QuoteFacts.MemberFacts m = facts.of(programmeId, req.customerId())
                .orElseThrow(() -> ProblemException.notFound("member of programme " + programmeId + " for customer", req.customerId()));
        Set<String> classes = m.classes();
        List<BenefitRule> eligible = new ArrayList<>();
        List<SkippedBenefit> skipped = new ArrayList<>();
        for (BenefitRule r : cached.benefits()) {
            String why = r.ineligibility(m.tierRank(), m.tierCode(), classes, cached::tierName);
            if (why == null) {
                eligible.add(r);
            } else {
                skipped.add(new SkippedBenefit(r.id().toString(), r.kind().name(), r.name(), why));
            }
        }
        long earlier = m.earlierPurchases();
        List<QuotePricer.BasketLine> basket = req.lines().stream()
                .map(l -> new QuotePricer.BasketLine(l.sku(), l.category(), l.quantity(), l.unitPrice())).toList();
        QuotePricer.Priced priced = QuotePricer.price(p.currency, basket, eligible, earlier);
        List<AppliedBenefit> applied = priced.applied().stream().map(b -> new AppliedBenefit(b.id().toString(), b.kind().name(),
                b.name(), why(b, m))).toList();
        for (BenefitRule r : eligible) {
            if (!priced.applied().contains(r)) {
                skipped.add(new SkippedBenefit(r.id().toString(), r.kind().name(), r.name(),
                        "eligible, but its terms do not match this basket or purchase history"));
            }
        }
        return new QuoteView(p.id.toString(), req.customerId().toString(), m.memberNumber(), m.tierCode(), p.currency,
                priced.lines().stream().map(l -> new PricedLineView(l.sku(), l.category(), l.quantity(), l.unitPrice().toPlainString(),
                        l.listTotal().toPlainString(), l.netTotal().toPlainString())).toList(),
                applied, skipped.stream().sorted(Comparator.comparing(SkippedBenefit::benefitId)).toList(),
                priced.discounts().stream().map(d -> new DiscountLineView(d.benefitId().toString(), d.kind().name(), d.sku(),
                        d.amount().toPlainString(), d.explanation())).toList(),
                priced.subtotal().toPlainString(), priced.discountTotal().toPlainString(), priced.total().toPlainString(),
                "each discount rounded half up to the currency's minor unit");
    }

    private static String why(BenefitRule b, QuoteFacts.MemberFacts m) {
        if (b.minTierRank() == null && b.segmentClasses().isEmpty()) {
            return "for every member";
        }
        return "member at tier " + m.tierCode() + " meets its tier or segment condition";
    }
}
