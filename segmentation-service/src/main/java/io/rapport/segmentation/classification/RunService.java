package io.rapport.segmentation.classification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.config.SegmentationConfig;
import io.rapport.segmentation.domain.AbcMetric;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ScoreWeight;
import io.rapport.segmentation.profile.WindowTotals;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Full recomputes, set-based inside PostgreSQL. A request first brings the window totals kept on the profiles to the
 * configured window ({@link WindowTotals}: a no-op except when a month began), then runs each requested scheme in its
 * own transaction, the schemes side by side (one core each): ONE statement reads the live customers' figures from
 * their profiles, ranks and classifies them in one sort, writes only the changed classes (history, current class) and
 * counts the classes with their Pareto points; then the run is stored with, when classes changed, the job that writes
 * their SegmentChanged events and then RunCompleted to the outbox right after the commit ({@link RunEvents}). A
 * transaction-scoped advisory lock per scheme makes concurrent runs of a scheme (API or the schedule on N replicas)
 * skip instead of overlapping.
 */
@ApplicationScoped
public class RunService {
    private static final Logger LOG = Logger.getLogger(RunService.class);
    private static final long LOCK_BASE = 0x5E6_0000L;

    private final Db db;
    private final PolicyStore policies;
    private final WindowTotals totals;
    private final RunStore runs;
    private final LevelRecommender levels;
    private final RunEvents events;
    private final SegmentationConfig config;
    private final Clock clock;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "segmentation-run");
        t.setDaemon(true);
        return t;
    });

    public RunService(
            Db db,
            PolicyStore policies,
            WindowTotals totals,
            RunStore runs,
            LevelRecommender levels,
            RunEvents events,
            SegmentationConfig config,
            Clock clock) {
        this.db = db;
        this.policies = policies;
        this.totals = totals;
        this.runs = runs;
        this.levels = levels;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** @return the run, or empty when another run of the scheme holds its lock */
    public Optional<RunSummary> run(Scheme scheme, String trigger) {
        return runAll(List.of(scheme), trigger).get(scheme);
    }

    /**
     * Recomputes the given schemes side by side.
     *
     * @return per scheme, in the given order, its run or empty when another run of it holds its lock
     */
    public Map<Scheme, Optional<RunSummary>> runAll(List<Scheme> requested, String trigger) {
        Instant started = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored: events and run agree on it
        LocalDate windowStart = totals.current();
        Map<Scheme, Future<Optional<RunSummary>>> pending = new LinkedHashMap<>();
        for (Scheme scheme : requested) {
            pending.put(
                    scheme,
                    workers.submit(() -> QuarkusTransaction.requiringNew()
                            .timeout(3600)
                            .call(() -> runScheme(scheme, trigger, started, windowStart))));
        }
        Map<Scheme, Optional<RunSummary>> done = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (var e : pending.entrySet()) {
            try {
                done.put(e.getKey(), await(e.getValue()));
            } catch (RuntimeException f) {
                failure = failure == null ? f : failure;
            }
        }
        events.drainSoon();
        if (failure != null) {
            throw failure;
        }
        LOG.infof(
                "runs of %s done in %d ms",
                requested, Duration.between(started, clock.instant()).toMillis());
        return done;
    }

    private static <T> T await(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a part of a run", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Optional<RunSummary> runScheme(Scheme scheme, String trigger, Instant started, LocalDate windowStart) {
        boolean locked = db.one(
                        "select pg_try_advisory_xact_lock(?)", rs -> rs.getBoolean(1), LOCK_BASE + scheme.ordinal())
                .orElse(false);
        if (!locked) {
            return Optional.empty();
        }
        long begun = System.nanoTime();
        UUID runId = UUID.randomUUID();
        Policy policy = policies.active(scheme);
        db.one("select set_config('work_mem', ?, true)", rs -> rs.getString(1), config.runWorkMem());
        db.allowJobTime(); // one statement classifies every customer: longer than a request may take
        // both statements join a million-row side to a smaller one; a merge join would sort the million rows again
        db.one("select set_config('enable_mergejoin', 'off', true)", rs -> rs.getString(1));
        Map<ScoreWeight, BigDecimal> maxima = new EnumMap<>(ScoreWeight.class);
        List<Object> params = new ArrayList<>();
        params.add(started); // the figures' tenure is measured at the run's start (ClassificationSql#tenure)
        String classification;
        if (scheme == Scheme.ABC) {
            AbcRules rules = policy.abc();
            if (rules.metric() == AbcMetric.SCORE) {
                maxima(maxima, started);
            }
            String[] labels = rules.labels().toArray(String[]::new);
            classification = ClassificationSql.abc(ClassificationSql.metric(rules, maxima), rules.method());
            params.addAll(List.of(rules.cutoffs().toArray(BigDecimal[]::new), labels, labels, labels));
        } else {
            classification = ClassificationSql.VALUE;
            params.addAll(List.of(policy.value().mvcTopPercent(), policy.value().mgcTopPercent()));
        }
        params.addAll(
                List.of(scheme, scheme, policy.version(), runId, started, scheme, policy.version(), runId, started));
        List<Counted> counted = db.list(ClassificationSql.classify(classification), Counted::of, params.toArray());
        long customers = counted.stream().mapToLong(c -> c.stat().customers()).sum();
        Stats stats = stats(counted, customers);
        long classified = System.nanoTime();
        List<ClassStat> classStats = levels.recommend(stats.classes(), customers);
        BigDecimal concentration = stats.pareto().size() >= 20 ? stats.pareto().get(19) : null;
        Instant completed = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Long> counts = classStats.stream()
                .collect(Collectors.toMap(ClassStat::label, ClassStat::customers, Long::sum, TreeMap::new));
        Map<String, BigDecimal> maximaByName = new TreeMap<>();
        maxima.forEach((k, v) -> maximaByName.put(k.name(), v));
        RunSummary run = new RunSummary(
                runId,
                scheme.name(),
                policy.version(),
                trigger,
                started,
                completed,
                windowStart,
                customers,
                stats.changed(),
                stats.total(),
                concentration,
                counts,
                classStats,
                maximaByName,
                stats.pareto());
        runs.store(run);
        if (stats.changed() > 0) {
            events.queue(
                    run,
                    scheme == Scheme.ABC ? policy.abc().metric().name().toLowerCase() : "profit",
                    classStats,
                    stats.firstChange(),
                    stats.lastChange());
        } else {
            events.completed(run);
        }
        LOG.infof(
                "run %s of %s (policy v%d): %d customers, %d changed%s; classified, written and counted in %d ms",
                runId,
                scheme,
                policy.version(),
                customers,
                stats.changed(),
                stats.changed() > 0 ? " (their events follow)" : "",
                (classified - begun) / 1_000_000);
        return Optional.of(run);
    }

    private void maxima(Map<ScoreWeight, BigDecimal> maxima, Instant now) {
        db.one(
                ClassificationSql.MAXIMA,
                rs -> {
                    maxima.put(ScoreWeight.REVENUE, rs.getBigDecimal(1));
                    maxima.put(ScoreWeight.PROFIT, rs.getBigDecimal(2));
                    maxima.put(ScoreWeight.VOLUME, rs.getBigDecimal(3));
                    maxima.put(ScoreWeight.TENURE, rs.getBigDecimal(4));
                    return maxima;
                },
                now);
    }

    /** One class as the run's statement counted it, with the Pareto points that fell in it. */
    private record Counted(
            ClassStat stat,
            BigDecimal positiveValue,
            Map<Long, BigDecimal> points,
            long changed,
            long firstChange,
            long lastChange) {
        static Counted of(ResultSet rs) throws SQLException {
            Map<Long, BigDecimal> points = new HashMap<>();
            Array rn = rs.getArray(8);
            Array cum = rs.getArray(9);
            if (rn != null) {
                Object[] r = (Object[]) rn.getArray();
                Object[] c = (Object[]) cum.getArray();
                for (int i = 0; i < r.length; i++) {
                    points.put(((Number) r[i]).longValue(), (BigDecimal) c[i]);
                }
            }
            return new Counted(
                    new ClassStat(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6),
                            null),
                    rs.getBigDecimal(7),
                    points,
                    rs.getLong(10),
                    rs.getLong(11),
                    rs.getLong(12));
        }
    }

    /** Per-class statistics, total positive value, the Pareto curve and the number of changed classes of a run. */
    private record Stats(
            List<ClassStat> classes,
            BigDecimal total,
            List<BigDecimal> pareto,
            long changed,
            long firstChange,
            long lastChange) {}

    /**
     * Point k (1..100) of the curve: share (0..1) of the total positive value held by the first ceil(n * k / 100)
     * customers (the ranks the statement reported); no points when there is no positive value.
     */
    private static Stats stats(List<Counted> counted, long customers) {
        Map<Long, BigDecimal> cumulative = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Counted c : counted) {
            cumulative.putAll(c.points());
            total = total.add(c.positiveValue());
        }
        List<BigDecimal> pareto = new ArrayList<>();
        if (customers > 0 && total.signum() > 0) {
            for (long k = 1; k <= 100; k++) {
                pareto.add(cumulative.get((customers * k + 99) / 100).divide(total, MathContext.DECIMAL64));
            }
        }
        Counted any = counted.isEmpty() ? null : counted.get(0);
        return new Stats(
                counted.stream().map(Counted::stat).toList(),
                total,
                pareto,
                any == null ? 0 : any.changed(),
                any == null ? 0 : any.firstChange(),
                any == null ? 0 : any.lastChange());
    }
}
