package io.rapport.segmentation.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.rapport.contracts.segmentation.RunCompleted;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.platform.outbox.Outbox;
import io.rapport.segmentation.config.SegmentationConfig;
import io.rapport.segmentation.domain.AbcMetric;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.ScoreWeight;
import io.rapport.segmentation.domain.Scheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A full recompute of one scheme, set-based inside PostgreSQL: window figures, ranking and classes with
 * window functions, per-class statistics, Pareto curve, and only the changed classes are written (history,
 * current class, one SegmentChanged outbox row each), all in one transaction. A transaction-scoped advisory
 * lock per scheme makes concurrent runs (API or the schedule on N replicas) skip instead of overlapping.
 */
@ApplicationScoped
public class RunService {
    private static final Logger LOG = Logger.getLogger(RunService.class);
    private static final long LOCK_BASE = 0x5E6_0000L;

    private final Db db;
    private final PolicyStore policies;
    private final Windows windows;
    private final RunStore runs;
    private final LevelRecommender levels;
    private final Outbox outbox;
    private final SegmentationConfig config;
    private final String source;

    public RunService(Db db, PolicyStore policies, Windows windows, RunStore runs, LevelRecommender levels, Outbox outbox,
            SegmentationConfig config, @ConfigProperty(name = "quarkus.application.name") String app) {
        this.db = db;
        this.policies = policies;
        this.windows = windows;
        this.runs = runs;
        this.levels = levels;
        this.outbox = outbox;
        this.config = config;
        this.source = "/" + app;
    }

    /** @return the run, or empty when another run of the scheme holds the lock */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Optional<RunSummary> run(Scheme scheme, String trigger) {
        boolean locked = db.one("select pg_try_advisory_xact_lock(?)", rs -> rs.getBoolean(1), LOCK_BASE + scheme.ordinal())
                .orElse(false);
        if (!locked) {
            return Optional.empty();
        }
        Instant started = Instant.now();
        UUID runId = UUID.randomUUID();
        Policy policy = policies.active(scheme);
        LocalDate windowStart = windows.start();
        db.one("select set_config('work_mem', ?, true)", rs -> rs.getString(1), config.runWorkMem());
        Map<ScoreWeight, BigDecimal> maxima = new EnumMap<>(ScoreWeight.class);
        if (scheme == Scheme.ABC) {
            AbcRules rules = policy.abc();
            String[] labels = rules.labels().toArray(String[]::new);
            BigDecimal[] cutoffs = rules.cutoffs().toArray(BigDecimal[]::new);
            if (rules.metric() == AbcMetric.SCORE) {
                db.update(ClassificationSql.FIGURES, windowStart);
                maxima(maxima);
                db.update(ClassificationSql.abc(ClassificationSql.metric(rules, maxima), rules.method(), "run_figures"), labels,
                        labels, labels, cutoffs);
            } else {
                db.update(ClassificationSql.abc(ClassificationSql.metric(rules, maxima), rules.method(),
                        ClassificationSql.FIGURES_INLINE), labels, labels, labels, cutoffs, windowStart);
            }
        } else {
            db.update(ClassificationSql.FIGURES, windowStart);
            db.update(ClassificationSql.VALUE, policy.value().mgcTopPercent(), policy.value().mvcTopPercent());
        }
        long customers = db.count("select count(*) from run_class");
        BigDecimal total = db.one("select coalesce(sum(greatest(value, 0)), 0) from run_class", rs -> rs.getBigDecimal(1))
                .orElse(BigDecimal.ZERO);
        List<ClassStat> stats = levels.recommend(classStats(), customers);
        List<BigDecimal> pareto = pareto(customers, total);
        BigDecimal concentration = pareto.size() >= 20 ? pareto.get(19) : null;
        long changed = writeChanges(scheme, policy, runId, stats, started);
        Instant completed = Instant.now();
        Map<String, Long> counts = stats.stream()
                .collect(Collectors.toMap(ClassStat::label, ClassStat::customers, Long::sum, TreeMap::new));
        Map<String, BigDecimal> maximaByName = new TreeMap<>();
        maxima.forEach((k, v) -> maximaByName.put(k.name(), v));
        RunSummary run = new RunSummary(runId, scheme.name(), policy.version(), trigger, started, completed, windowStart,
                customers, changed, total, concentration, counts, stats, maximaByName, pareto);
        runs.store(run);
        outbox.publish(SegmentationEvents.RUN_COMPLETED, runId, new RunCompleted(runId.toString(), scheme.name(),
                policy.version(), customers, counts, concentration == null ? null : concentration.toPlainString(), started,
                completed));
        LOG.infof("run %s of %s (policy v%d): %d customers, %d changed, in %d ms", runId, scheme, policy.version(), customers,
                changed, completed.toEpochMilli() - started.toEpochMilli());
        return Optional.of(run);
    }

    private void maxima(Map<ScoreWeight, BigDecimal> maxima) {
        db.one(ClassificationSql.MAXIMA, rs -> {
            maxima.put(ScoreWeight.REVENUE, rs.getBigDecimal(1));
            maxima.put(ScoreWeight.PROFIT, rs.getBigDecimal(2));
            maxima.put(ScoreWeight.VOLUME, rs.getBigDecimal(3));
            maxima.put(ScoreWeight.TENURE, rs.getBigDecimal(4));
            return rs.getLong(5);
        });
    }

    private List<ClassStat> classStats() {
        return db.list(ClassificationSql.CLASS_STATS, rs -> new ClassStat(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), null));
    }

    /** Share of total positive value (0..1) held by the top k% of customers, k = 1..100; empty when no value. */
    private List<BigDecimal> pareto(long customers, BigDecimal total) {
        if (customers == 0 || total.signum() <= 0) {
            return List.of();
        }
        return db.list(ClassificationSql.PARETO, rs -> rs.getBigDecimal(2).divide(total, MathContext.DECIMAL64), customers);
    }

    private long writeChanges(Scheme scheme, Policy policy, UUID runId, List<ClassStat> stats, Instant at) {
        long changed = db.update(ClassificationSql.CHANGES, scheme);
        if (changed == 0) {
            return 0;
        }
        db.update(ClassificationSql.HISTORY, scheme, policy.version(), runId, at);
        db.update(ClassificationSql.CURRENT, scheme, policy.version(), runId, at);
        String metric = scheme == Scheme.ABC ? policy.abc().metric().name().toLowerCase() : "profit";
        db.update(ClassificationSql.EVENTS, SegmentationEvents.SEGMENT_CHANGED.topic(), SegmentationEvents.SEGMENT_CHANGED.name(),
                source, scheme, policy.version(), runId.toString(), at.toString(), metric,
                stats.stream().map(ClassStat::label).toArray(String[]::new),
                stats.stream().map(ClassStat::recommendedLevel).toArray(String[]::new));
        return changed;
    }
}
