package io.rapport.segmentation.service;

import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.platform.outbox.Outbox;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.CustomerFigures;
import io.rapport.segmentation.domain.Scheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps one customer's classes fresh between runs: after an event changed their figures, classify them
 * against the thresholds stored by the latest run of each scheme (under that run's policy version) and, on
 * a real change, write the class, a history row and a SegmentChanged (run id null) in the same transaction.
 * A scheme that has never run classifies nobody between runs.
 */
@ApplicationScoped
public class Reclassifier {
    private final Db db;
    private final FiguresQuery figures;
    private final RunStore runs;
    private final PolicyStore policies;
    private final LevelRecommender levels;
    private final Windows windows;
    private final Outbox outbox;

    public Reclassifier(Db db, FiguresQuery figures, RunStore runs, PolicyStore policies, LevelRecommender levels,
            Windows windows, Outbox outbox) {
        this.db = db;
        this.figures = figures;
        this.runs = runs;
        this.policies = policies;
        this.levels = levels;
        this.windows = windows;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reclassify(UUID customerId) {
        boolean live = db.one("select merged_into is null and not erased from customer_profile where customer_id = ?",
                rs -> rs.getBoolean(1), customerId).orElse(false);
        if (!live) {
            return;
        }
        Optional<CustomerFigures> f = figures.figures(customerId, windows.start());
        if (f.isEmpty()) {
            return;
        }
        for (Scheme scheme : Scheme.values()) {
            runs.latest(scheme).ifPresent(run -> classify(customerId, scheme, run, f.get()));
        }
    }

    private void classify(UUID customerId, Scheme scheme, RunSummary run, CustomerFigures f) {
        Map<String, String> figures = new TreeMap<>();
        String label;
        BigDecimal value;
        if (scheme == Scheme.ABC) {
            AbcRules rules = policies.version(scheme, run.policyVersion()).abc();
            var thresholds = RunStore.abcThresholds(run, rules.labels());
            value = f.metric(rules, thresholds.maxima());
            label = thresholds.classify(value);
            figures.put(rules.metric().name().toLowerCase(), value.toPlainString());
        } else {
            value = f.profit();
            label = RunStore.valueThresholds(run).classify(value, f.potential());
            figures.put("profit", value.toPlainString());
            if (f.potential() != null) {
                figures.put("potential", f.potential().toPlainString());
            }
        }
        String current = db.one("select class_label from customer_segment where customer_id = ? and scheme = ?",
                rs -> rs.getString(1), customerId, scheme).orElse(null);
        if (label.equals(current)) {
            return;
        }
        Instant now = Instant.now();
        db.update("insert into customer_segment (customer_id, scheme, class_label, policy_version, run_id, since)"
                + " values (?, ?, ?, ?, null, ?) on conflict (customer_id, scheme) do update set class_label = excluded.class_label,"
                + " policy_version = excluded.policy_version, run_id = null, since = excluded.since",
                customerId, scheme, label, run.policyVersion(), now);
        db.update("insert into segment_change (customer_id, scheme, from_class, to_class, policy_version, run_id, value, changed_at)"
                + " values (?, ?, ?, ?, ?, null, ?, ?)", customerId, scheme, current, label, run.policyVersion(), value, now);
        outbox.publish(SegmentationEvents.SEGMENT_CHANGED, customerId, new SegmentChanged(customerId.toString(), scheme.name(),
                current, label, run.policyVersion(), null, level(run, label), figures, now));
    }

    /** The level the run recommended for the class; a class the run left empty counts as one customer, no margin. */
    private String level(RunSummary run, String label) {
        return run.classes().stream().filter(c -> c.label().equals(label)).findFirst().map(ClassStat::recommendedLevel)
                .orElseGet(() -> levels.matrix().recommend(1, BigDecimal.ZERO, Math.max(1, run.customers()),
                        run.classes().stream().map(ClassStat::grossMargin).reduce(BigDecimal.ZERO, BigDecimal::add)).name());
    }
}
