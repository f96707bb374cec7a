package io.rapport.segmentation.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.AbcThresholds;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ValueThresholds;
import io.rapport.segmentation.profile.WindowTotals;
import io.rapport.segmentation.profile.Windows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps customers' classes fresh between runs: after events changed their figures, classify them against the
 * thresholds stored by the latest run of each scheme (under that run's policy version) and, on a real change, write
 * the class, a history row and a SegmentChanged (run id null) in the same transaction. Three steps for a whole batch:
 * LOAD one query for the latest runs and one for the customers' figures, ABC metric (the run's SQL expression,
 * {@link ClassificationSql#metric}) and current classes (the window totals kept on the profiles, or sums of the month
 * facts while those still cover another window); DECIDE per customer and scheme against the run's thresholds
 * ({@link AbcThresholds#classify}, {@link ValueThresholds#classify}); STORE one statement each for the changed
 * classes, their history and their events (built by {@link ClassificationSql#segmentChanged}, as a run's are). Runs and
 * policy versions never change once stored, so they are cached by id. A scheme that has never run classifies nobody
 * between runs.
 */
@ApplicationScoped
public class Reclassifier {
    private final Db db;
    private final RunStore runs;
    private final PolicyStore policies;
    private final LevelRecommender levels;
    private final Windows windows;
    private final WindowTotals totals;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<UUID, RunSummary> runCache = new ConcurrentHashMap<>();
    private final Map<String, AbcRules> policyCache = new ConcurrentHashMap<>();

    public Reclassifier(
            Db db,
            RunStore runs,
            PolicyStore policies,
            LevelRecommender levels,
            Windows windows,
            WindowTotals totals,
            Outbox outbox,
            ObjectMapper json,
            Clock clock) {
        this.db = db;
        this.runs = runs;
        this.policies = policies;
        this.levels = levels;
        this.windows = windows;
        this.totals = totals;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** One customer's class change found between runs. */
    private record Change(
            UUID customerId,
            Scheme scheme,
            String from,
            String to,
            RunSummary run,
            BigDecimal value,
            BigDecimal potential,
            String metric) {}

    /** The latest run of a scheme with what classifying against it needs. */
    private record Basis(RunSummary run, AbcRules abc, AbcThresholds abcThresholds, ValueThresholds valueThresholds) {}

    /** What the load step reads per customer: the ABC metric's value (null without an ABC run), profit, potential. */
    private record Figures(
            UUID customerId,
            BigDecimal abcValue,
            BigDecimal profit,
            BigDecimal potential,
            Map<String, String> classes) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void reclassify(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        Map<Scheme, Basis> bases = latestRuns();
        if (bases.isEmpty()) {
            return;
        }
        List<Change> changes = new ArrayList<>();
        for (Figures f : load(customerIds, bases.get(Scheme.ABC))) {
            bases.forEach((scheme, basis) -> decide(f, scheme, basis).ifPresent(changes::add));
        }
        if (!changes.isEmpty()) {
            store(changes);
        }
    }

    /** Load: the figures the decision needs, for every customer of the batch in one query. */
    private List<Figures> load(Collection<UUID> customerIds, Basis abc) {
        UUID[] ids = customerIds.stream()
                .distinct()
                .sorted(Comparator.comparing(UUID::toString))
                .toArray(UUID[]::new);
        boolean kept = totals.coverConfiguredWindow();
        String metric = abc == null
                ? "null::numeric"
                : ClassificationSql.metric(abc.abc(), abc.abcThresholds().maxima());
        String sql = "with " + ClassificationSql.figuresOf(kept).strip() + "\nselect customer_id, " + metric
                + ", profit, potential, classes from figures";
        return db.list(
                sql,
                rs -> new Figures(
                        rs.getObject(1, UUID.class),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        classes(rs.getString(5))),
                kept ? new Object[] {clock.instant(), ids} : new Object[] {clock.instant(), windows.start(), ids});
    }

    private Map<Scheme, Basis> latestRuns() {
        Map<Scheme, Basis> bases = new EnumMap<>(Scheme.class);
        db.list(
                "select distinct on (scheme) scheme, run_id from segment_run order by scheme, completed_at desc",
                rs -> {
                    Scheme scheme = Scheme.valueOf(rs.getString(1));
                    RunSummary run = runCache.computeIfAbsent(rs.getObject(2, UUID.class), runs::get);
                    if (scheme == Scheme.ABC) {
                        AbcRules rules = policyCache.computeIfAbsent(
                                scheme + "/" + run.policyVersion(),
                                k -> policies.version(scheme, run.policyVersion())
                                        .abc());
                        bases.put(scheme, new Basis(run, rules, RunStore.abcThresholds(run, rules.labels()), null));
                    } else {
                        bases.put(scheme, new Basis(run, null, null, RunStore.valueThresholds(run)));
                    }
                    return scheme;
                });
        if (runCache.size() > 16) {
            var latest = bases.values().stream().map(b -> b.run().runId()).toList();
            runCache.keySet().retainAll(latest);
        }
        return bases;
    }

    /** Decide: the customer's class against the run's thresholds; a change when it differs from the current one. */
    private static Optional<Change> decide(Figures f, Scheme scheme, Basis basis) {
        String current = f.classes().get(scheme.name());
        String label;
        Change change;
        if (scheme == Scheme.ABC) {
            label = basis.abcThresholds().classify(f.abcValue());
            change = new Change(
                    f.customerId(),
                    scheme,
                    current,
                    label,
                    basis.run(),
                    f.abcValue(),
                    null,
                    basis.abc().metric().name().toLowerCase());
        } else {
            label = basis.valueThresholds().classify(f.profit(), f.potential());
            change = new Change(
                    f.customerId(), scheme, current, label, basis.run(), f.profit(), f.potential(), "profit");
        }
        return label.equals(current) ? Optional.empty() : Optional.of(change);
    }

    /** Store: the new current classes, their history rows and their events, one statement each. */
    private void store(List<Change> changes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored: events and history agree on it
        UUID[] ids = changes.stream().map(Change::customerId).toArray(UUID[]::new);
        String[] schemes = changes.stream().map(c -> c.scheme().name()).toArray(String[]::new);
        String[] to = changes.stream().map(Change::to).toArray(String[]::new);
        db.update(
                "insert into customer_segment (customer_id, scheme, class_label, policy_version, run_id, since)"
                        + " select id, scheme, label, version, null, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[])"
                        + " as u(id, scheme, label, version)"
                        + " on conflict (customer_id, scheme) do update set class_label = excluded.class_label,"
                        + " policy_version = excluded.policy_version, run_id = null, since = excluded.since",
                now,
                ids,
                schemes,
                to,
                versions(changes));
        Map<String, Long> historyIds = new HashMap<>();
        db.list(
                "insert into segment_change (customer_id, scheme, from_class, to_class, policy_version, run_id, value, potential,"
                        + " changed_at) select id, scheme, from_class, to_class, version, null, value, potential, ?"
                        + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::numeric[], ?::numeric[])"
                        + " as u(id, scheme, from_class, to_class, version, value, potential) returning id, customer_id, scheme",
                rs -> historyIds.put(rs.getString(2) + "/" + rs.getString(3), rs.getLong(1)),
                now,
                ids,
                schemes,
                changes.stream().map(Change::from).toArray(String[]::new),
                to,
                versions(changes),
                changes.stream().map(Change::value).toArray(BigDecimal[]::new),
                changes.stream().map(Change::potential).toArray(BigDecimal[]::new));
        Long[] rows = changes.stream()
                .map(c -> historyIds.get(c.customerId() + "/" + c.scheme().name()))
                .toArray(Long[]::new);
        String[] metrics = changes.stream().map(Change::metric).toArray(String[]::new);
        String[] recommended = changes.stream().map(c -> level(c.run(), c.to())).toArray(String[]::new);
        db.withConnection(connection -> outbox.publishSelect(
                connection,
                SegmentationEvents.SEGMENT_CHANGED,
                ClassificationSql.RECLASSIFIED_ROWS,
                now.toString(),
                connection.createArrayOf("int8", rows),
                metrics,
                recommended));
    }

    private static Long[] versions(List<Change> changes) {
        return changes.stream().map(c -> c.run().policyVersion()).toArray(Long[]::new);
    }

    private Map<String, String> classes(String jsonObject) {
        if (jsonObject == null) {
            return Map.of();
        }
        try {
            return json.readValue(jsonObject, new TypeReference<HashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("classes unreadable: " + jsonObject, e);
        }
    }

    /** The level the run recommended for the class; a class the run left empty counts as one customer, no margin. */
    private String level(RunSummary run, String label) {
        return run.classes().stream()
                .filter(c -> c.label().equals(label))
                .findFirst()
                .map(ClassStat::recommendedLevel)
                .orElseGet(() -> levels.matrix()
                        .recommend(
                                1,
                                BigDecimal.ZERO,
                                Math.max(1, run.customers()),
                                run.classes().stream()
                                        .map(ClassStat::grossMargin)
                                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                        .name());
    }
}
