package io.rapport.segmentation.classification;

import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.AbcThresholds;
import io.rapport.segmentation.domain.CustomerFigures;
import io.rapport.segmentation.domain.Decimals;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ScoreWeight;
import io.rapport.segmentation.domain.ValueRules;
import io.rapport.segmentation.domain.ValueThresholds;
import io.rapport.segmentation.profile.Windows;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the explanation of a stored class from the latest run of its scheme (the run whose thresholds hold every
 * current class, see Explanation) and the customer's window figures.
 */
@ApplicationScoped
public class Explainer {
    private final RunStore runs;
    private final PolicyStore policies;
    private final Db db;
    private final Windows windows;
    private final Clock clock;

    public Explainer(RunStore runs, PolicyStore policies, Db db, Windows windows, Clock clock) {
        this.runs = runs;
        this.policies = policies;
        this.db = db;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * @param f the customer's figures over the configured window (FiguresQuery)
     */
    public Explanation explain(UUID customerId, CustomerClass c, CustomerFigures f) {
        Scheme scheme = Scheme.valueOf(c.scheme());
        Optional<RunSummary> run = runs.latest(scheme);
        long version = run.map(RunSummary::policyVersion).orElse(c.policyVersion());
        Policy policy = policies.version(scheme, version);
        // a run classifies everyone: a class unchanged since the run started was confirmed by it
        String decidedBy = run.map(
                        r -> r.runId().equals(c.runId()) || !c.since().isAfter(r.startedAt()) ? "RUN" : "EVENT")
                .orElse(c.runId() == null ? "EVENT" : "RUN");
        String level = run.flatMap(r -> r.classes().stream()
                        .filter(s -> s.label().equals(c.classLabel()))
                        .findFirst())
                .map(ClassStat::recommendedLevel)
                .orElse(null);
        Map<String, String> figures = new LinkedHashMap<>();
        Map<String, String> thresholds = new LinkedHashMap<>();
        String reason;
        if (scheme == Scheme.ABC) {
            AbcRules rules = policy.abc();
            AbcThresholds t =
                    run.map(r -> RunStore.abcThresholds(r, rules.labels())).orElse(null);
            BigDecimal value = abcValue(customerId, rules, t == null ? Map.of() : t.maxima());
            String metric = rules.metric().name().toLowerCase();
            String shown = Decimals.metric(rules.metric(), value);
            figures.put(metric, shown);
            if (t != null) {
                t.minimumValue().forEach((label, min) -> thresholds.put(label, Decimals.metric(rules.metric(), min)));
            }
            reason = value.signum() <= 0
                    ? metric + " " + shown + " is not positive: always " + rules.lastLabel()
                    : metric + " " + shown + " against the smallest value of each class in run " + cite(run, version)
                            + " " + thresholds + " puts the customer in " + c.classLabel();
        } else {
            ValueThresholds t = run.map(RunStore::valueThresholds).orElse(new ValueThresholds(null, null));
            String profit = Decimals.money(f.profit());
            figures.put("profit", profit);
            if (f.potential() != null) {
                figures.put("potential", Decimals.money(f.potential()));
            }
            if (t.mvcMinimumProfit() != null) {
                thresholds.put("mvcMinimumProfit", Decimals.money(t.mvcMinimumProfit()));
            }
            if (t.mgcMinimumPotential() != null) {
                thresholds.put("mgcMinimumPotential", Decimals.money(t.mgcMinimumPotential()));
            }
            reason = switch (c.classLabel()) {
                case ValueRules.BZ -> "profit " + profit + " is below 0: costs more to serve than it returns";
                case ValueRules.MVC ->
                    "profit " + profit + " is among the top profitable customers in run " + cite(run, version);
                case ValueRules.MGC ->
                    "potential (wallet - net revenue) " + Decimals.money(f.potential())
                            + " is among the highest of the rest in run " + cite(run, version);
                default -> "neither among the top by profit nor by potential in run " + cite(run, version);
            };
        }
        figures.put("revenue", Decimals.money(f.revenue()));
        figures.put("refunds", Decimals.money(f.refunds()));
        figures.put("netRevenue", Decimals.money(f.netRevenue()));
        return new Explanation(
                c.scheme(),
                c.classLabel(),
                c.since(),
                version,
                run.map(RunSummary::runId).orElse(c.runId()),
                decidedBy,
                level,
                policy.describe(),
                figures,
                thresholds,
                reason);
    }

    /** The customer's value of the ABC metric, by the SQL expression a run ranks by (ClassificationSql#metric). */
    private BigDecimal abcValue(UUID customerId, AbcRules rules, Map<ScoreWeight, BigDecimal> maxima) {
        return db.one(
                        "with " + ClassificationSql.figuresOf(false).strip() + "\nselect "
                                + ClassificationSql.metric(rules, maxima) + " from figures",
                        rs -> rs.getBigDecimal(1),
                        clock.instant(),
                        windows.start(),
                        new UUID[] {customerId})
                .orElse(BigDecimal.ZERO);
    }

    private static String cite(Optional<RunSummary> run, long version) {
        return run.map(r -> r.runId() + " (policy v" + version + ")").orElse("(none yet)");
    }
}
