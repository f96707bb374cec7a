package io.rapport.segmentation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.platform.outbox.Outbox;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.AbcThresholds;
import io.rapport.segmentation.domain.CustomerFigures;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ValueThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps customers' classes fresh between runs: after events changed their figures, classify them against the
 * thresholds stored by the latest run of each scheme (under that run's policy version) and, on a real change, write
 * the class, a history row and a SegmentChanged (run id null) in the same transaction. Set-based for a whole batch:
 * one query for the latest runs, one for the figures (the window totals kept on the profiles, or sums of the month facts
 * while those still cover another window) and current classes of all the customers, then one statement
 * each for the changed classes, their history and their events. Runs and policy versions never change once stored,
 * so they are cached by id. A scheme that has never run classifies nobody between runs.
 */
@ApplicationScoped
public class Reclassifier {
    /** The figures from the window totals kept on the profiles (when they cover the configured window, see WindowTotals). */
    private static final String KEPT_FIGURES = """
            select p.customer_id, p.w_revenue, p.w_cogs, p.w_refunds, p.w_cost_to_serve, p.w_purchases, p.wallet,
                   %1$s,
                   (select jsonb_object_agg(s.scheme, s.class_label)::text from customer_segment s where s.customer_id = p.customer_id)
              from customer_profile p
             where p.customer_id = any(?::uuid[]) and p.merged_into is null and not p.erased
            """.formatted(ClassificationSql.tenure("p."));

    /** The figures summed from the month facts (while the kept totals still cover another window). */
    private static final String FIGURES = """
            select p.customer_id, coalesce(sum(v.revenue), 0), coalesce(sum(v.cogs), 0), coalesce(sum(v.refunds), 0),
                   coalesce(sum(v.cost_to_serve), 0), coalesce(sum(v.purchases), 0), p.wallet,
                   %1$s,
                   (select jsonb_object_agg(s.scheme, s.class_label)::text from customer_segment s where s.customer_id = p.customer_id)
              from customer_profile p
              left join value_month v on v.customer_id = p.customer_id and v.month >= ?
             where p.customer_id = any(?::uuid[]) and p.merged_into is null and not p.erased
             group by p.customer_id
            """.formatted(ClassificationSql.tenure("p."));

    private final Db db;
    private final RunStore runs;
    private final PolicyStore policies;
    private final LevelRecommender levels;
    private final Windows windows;
    private final WindowTotals totals;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Map<UUID, RunSummary> runCache = new ConcurrentHashMap<>();
    private final Map<String, AbcRules> policyCache = new ConcurrentHashMap<>();

    public Reclassifier(Db db, RunStore runs, PolicyStore policies, LevelRecommender levels, Windows windows, WindowTotals totals,
            Outbox outbox, ObjectMapper json) {
        this.db = db;
        this.runs = runs;
        this.policies = policies;
        this.levels = levels;
        this.windows = windows;
        this.totals = totals;
        this.outbox = outbox;
        this.json = json;
    }

    /** One customer's class change found between runs. */
    private record Change(UUID customerId, Scheme scheme, String from, String to, RunSummary run, BigDecimal value,
            Map<String, String> figures) {
    }

    /** The latest run of a scheme with what classifying against it needs. */
    private record Basis(RunSummary run, AbcRules abc, AbcThresholds abcThresholds, ValueThresholds valueThresholds) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reclassify(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        Map<Scheme, Basis> bases = latestRuns();
        if (bases.isEmpty()) {
            return;
        }
        UUID[] ids = customerIds.stream().distinct().sorted(Comparator.comparing(UUID::toString)).toArray(UUID[]::new);
        List<Change> changes = new ArrayList<>();
        LocalDate windowStart = windows.start();
        boolean kept = totals.coverConfiguredWindow();
        db.list(kept ? KEPT_FIGURES : FIGURES, rs -> {
            CustomerFigures f = new CustomerFigures(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                    rs.getBigDecimal(5), rs.getLong(6), 0, 0, rs.getBigDecimal(7), rs.getBigDecimal(8), null, null);
            Map<String, String> current = classes(rs.getString(9));
            UUID id = rs.getObject(1, UUID.class);
            bases.forEach((scheme, basis) -> classify(id, scheme, basis, f, current.get(scheme.name()), changes));
            return id;
        }, kept ? new Object[] {ids} : new Object[] {windowStart, ids});
        if (!changes.isEmpty()) {
            write(changes);
        }
    }

    private Map<Scheme, Basis> latestRuns() {
        Map<Scheme, Basis> bases = new EnumMap<>(Scheme.class);
        db.list("select distinct on (scheme) scheme, run_id from segment_run order by scheme, completed_at desc", rs -> {
            Scheme scheme = Scheme.valueOf(rs.getString(1));
            RunSummary run = runCache.computeIfAbsent(rs.getObject(2, UUID.class), runs::get);
            if (scheme == Scheme.ABC) {
                AbcRules rules = policyCache.computeIfAbsent(scheme + "/" + run.policyVersion(),
                        k -> policies.version(scheme, run.policyVersion()).abc());
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

    private static void classify(UUID id, Scheme scheme, Basis basis, CustomerFigures f, String current, List<Change> changes) {
        Map<String, String> figures = new TreeMap<>();
        String label;
        BigDecimal value;
        if (scheme == Scheme.ABC) {
            value = f.metric(basis.abc(), basis.abcThresholds().maxima());
            label = basis.abcThresholds().classify(value);
            figures.put(basis.abc().metric().name().toLowerCase(), value.toPlainString());
        } else {
            value = f.profit();
            label = basis.valueThresholds().classify(value, f.potential());
            figures.put("profit", value.toPlainString());
            if (f.potential() != null) {
                figures.put("potential", f.potential().toPlainString());
            }
        }
        if (!label.equals(current)) {
            changes.add(new Change(id, scheme, current, label, basis.run(), value, figures));
        }
    }

    private void write(List<Change> changes) {
        Instant now = Instant.now();
        UUID[] ids = changes.stream().map(Change::customerId).toArray(UUID[]::new);
        String[] schemes = changes.stream().map(c -> c.scheme().name()).toArray(String[]::new);
        String[] to = changes.stream().map(Change::to).toArray(String[]::new);
        db.update("insert into customer_segment (customer_id, scheme, class_label, policy_version, run_id, since)"
                + " select id, scheme, label, version, null, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[])"
                + " as u(id, scheme, label, version)"
                + " on conflict (customer_id, scheme) do update set class_label = excluded.class_label,"
                + " policy_version = excluded.policy_version, run_id = null, since = excluded.since",
                now, ids, schemes, to, versions(changes));
        db.update("insert into segment_change (customer_id, scheme, from_class, to_class, policy_version, run_id, value, changed_at)"
                + " select id, scheme, from_class, to_class, version, null, value, ?"
                + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::numeric[])"
                + " as u(id, scheme, from_class, to_class, version, value)",
                now, ids, schemes, changes.stream().map(Change::from).toArray(String[]::new), to, versions(changes),
                changes.stream().map(Change::value).toArray(BigDecimal[]::new));
        List<Outbox.Pending> events = changes.stream().map(c -> new Outbox.Pending(SegmentationEvents.SEGMENT_CHANGED,
                c.customerId(), new SegmentChanged(c.customerId().toString(), c.scheme().name(), c.from(), c.to(),
                        c.run().policyVersion(), null, level(c.run(), c.to()), c.figures(), now))).toList();
        db.withConnection(connection -> outbox.publishAll(connection, events));
    }

    private static Long[] versions(List<Change> changes) {
        return changes.stream().map(c -> c.run().policyVersion()).toArray(Long[]::new);
    }

    private Map<String, String> classes(String jsonObject) {
        if (jsonObject == null) {
            return Map.of();
        }
        try {
            return json.readValue(jsonObject, new TypeReference<HashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("classes unreadable: " + jsonObject, e);
        }
    }

    /** The level the run recommended for the class; a class the run left empty counts as one customer, no margin. */
    private String level(RunSummary run, String label) {
        return run.classes().stream().filter(c -> c.label().equals(label)).findFirst().map(ClassStat::recommendedLevel)
                .orElseGet(() -> levels.matrix().recommend(1, BigDecimal.ZERO, Math.max(1, run.customers()),
                        run.classes().stream().map(ClassStat::grossMargin).reduce(BigDecimal.ZERO, BigDecimal::add)).name());
    }
}
