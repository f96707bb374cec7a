package io.rapport.segmentation.service;

import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.AbcThresholds;
import io.rapport.segmentation.domain.CustomerFigures;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ValueRules;
import io.rapport.segmentation.domain.ValueThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the explanation of a stored class from the latest run of its scheme and the customer's window figures. */
@ApplicationScoped
public class Explainer {
    private final RunStore runs;
    private final PolicyStore policies;

    public Explainer(RunStore runs, PolicyStore policies) {
        this.runs = runs;
        this.policies = policies;
    }

    public Explanation explain(CustomerClass c, CustomerFigures f) {
        Scheme scheme = Scheme.valueOf(c.scheme());
        Optional<RunSummary> run = runs.latest(scheme);
        Policy policy = policies.version(scheme, run.map(RunSummary::policyVersion).orElse(c.policyVersion()));
        String level = run.flatMap(r -> r.classes().stream().filter(s -> s.label().equals(c.classLabel())).findFirst())
                .map(ClassStat::recommendedLevel).orElse(null);
        Map<String, String> figures = new LinkedHashMap<>();
        Map<String, String> thresholds = new LinkedHashMap<>();
        String reason;
        if (scheme == Scheme.ABC) {
            AbcRules rules = policy.abc();
            AbcThresholds t = run.map(r -> RunStore.abcThresholds(r, rules.labels())).orElse(null);
            BigDecimal value = f.metric(rules, t == null ? Map.of() : t.maxima());
            String metric = rules.metric().name().toLowerCase();
            figures.put(metric, value.toPlainString());
            if (t != null) {
                t.minimumValue().forEach((label, min) -> thresholds.put(label, min.toPlainString()));
            }
            reason = value.signum() <= 0 ? metric + " " + value.toPlainString() + " is not positive: always " + rules.lastLabel()
                    : metric + " " + value.toPlainString() + " against the smallest value of each class in the latest run "
                            + thresholds + " puts the customer in " + c.classLabel();
        } else {
            ValueThresholds t = run.map(RunStore::valueThresholds).orElse(new ValueThresholds(null, null));
            figures.put("profit", f.profit().toPlainString());
            if (f.potential() != null) {
                figures.put("potential", f.potential().toPlainString());
            }
            if (t.mvcMinimumProfit() != null) {
                thresholds.put("mvcMinimumProfit", t.mvcMinimumProfit().toPlainString());
            }
            if (t.mgcMinimumPotential() != null) {
                thresholds.put("mgcMinimumPotential", t.mgcMinimumPotential().toPlainString());
            }
            reason = switch (c.classLabel()) {
                case ValueRules.BZ -> "profit " + f.profit().toPlainString() + " is below 0: costs more to serve than it returns";
                case ValueRules.MVC -> "profit " + f.profit().toPlainString() + " is among the top profitable customers";
                case ValueRules.MGC -> "potential (wallet - net revenue) " + f.potential() + " is among the highest of the rest";
                default -> "neither among the top by profit nor by potential";
            };
        }
        figures.put("revenue", f.revenue().toPlainString());
        figures.put("refunds", f.refunds().toPlainString());
        figures.put("netRevenue", f.netRevenue().toPlainString());
        return new Explanation(c.scheme(), c.classLabel(), c.since(), c.policyVersion(), c.runId(), level, policy.describe(),
                figures, thresholds, reason);
    }
}
