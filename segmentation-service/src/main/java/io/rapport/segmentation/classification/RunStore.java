package io.rapport.segmentation.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.platform.persistence.Db;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.domain.AbcThresholds;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ScoreWeight;
import io.rapport.segmentation.domain.ValueRules;
import io.rapport.segmentation.domain.ValueThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stored runs, and the thresholds of the latest run of a scheme for classifying between runs. */
@ApplicationScoped
public class RunStore {
    private static final String COLUMNS =
            "run_id, scheme, policy_version, trigger, started_at, completed_at, window_start,"
                    + " customers, changed, total_value, concentration, counts::text, class_stats::text, thresholds::text, pareto::text";

    private final Db db;
    private final ObjectMapper json;

    public RunStore(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    void store(RunSummary run) {
        db.update(
                "insert into segment_run (run_id, scheme, policy_version, trigger, started_at, completed_at, window_start,"
                        + " customers, changed, total_value, concentration, counts, thresholds, class_stats, pareto)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb)",
                run.runId(),
                run.scheme(),
                run.policyVersion(),
                run.trigger(),
                run.startedAt(),
                run.completedAt(),
                run.windowStart(),
                run.customers(),
                run.changed(),
                run.totalValue(),
                run.concentration(),
                write(run.counts()),
                write(Map.of("maxima", run.maxima())),
                write(run.classes()),
                write(run.pareto()));
    }

    public RunSummary get(UUID runId) {
        return db.one("select " + COLUMNS + " from segment_run where run_id = ?", this::map, runId)
                .orElseThrow(() -> ProblemException.notFound("run", runId));
    }

    public Optional<RunSummary> latest(Scheme scheme) {
        return db.one(
                "select " + COLUMNS + " from segment_run where scheme = ? order by completed_at desc limit 1",
                this::map,
                scheme);
    }

    public List<RunSummary> list(Scheme scheme, PageRequest page) {
        return db.list(
                "select " + COLUMNS + " from segment_run where (?::text is null or scheme = ?::text)"
                        + " order by completed_at desc, run_id limit ? offset ?",
                this::map,
                name(scheme),
                name(scheme),
                page.size,
                page.offset());
    }

    public long count(Scheme scheme) {
        return db.count(
                "select count(*) from segment_run where (?::text is null or scheme = ?::text)",
                name(scheme),
                name(scheme));
    }

    /** ABC thresholds of a run: the smallest positive value of each class but the last. */
    public static AbcThresholds abcThresholds(RunSummary run, List<String> labels) {
        Map<String, BigDecimal> minimum = new LinkedHashMap<>();
        run.classes().forEach(c -> {
            if (c.minimumValue() != null) {
                minimum.put(c.label(), c.minimumValue());
            }
        });
        Map<ScoreWeight, BigDecimal> maxima = new EnumMap<>(ScoreWeight.class);
        run.maxima().forEach((k, v) -> maxima.put(ScoreWeight.valueOf(k), v));
        return new AbcThresholds(labels, minimum, maxima);
    }

    public static ValueThresholds valueThresholds(RunSummary run) {
        BigDecimal mvc = null;
        BigDecimal mgc = null;
        for (ClassStat c : run.classes()) {
            if (c.label().equals(ValueRules.MVC)) {
                mvc = c.minimumValue();
            } else if (c.label().equals(ValueRules.MGC)) {
                mgc = c.minimumPotential();
            }
        }
        return new ValueThresholds(mvc, mgc);
    }

    private static String name(Scheme scheme) {
        return scheme == null ? null : scheme.name();
    }

    private RunSummary map(ResultSet rs) throws SQLException {
        try {
            Map<String, Map<String, BigDecimal>> thresholds =
                    json.readValue(rs.getString(14), new TypeReference<>() {});
            return new RunSummary(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    Db.instant(rs, "started_at"),
                    Db.instant(rs, "completed_at"),
                    rs.getObject(7, java.time.LocalDate.class),
                    rs.getLong(8),
                    rs.getLong(9),
                    rs.getBigDecimal(10),
                    rs.getBigDecimal(11),
                    json.readValue(rs.getString(12), new TypeReference<Map<String, Long>>() {}),
                    json.readValue(rs.getString(13), new TypeReference<List<ClassStat>>() {}),
                    thresholds.getOrDefault("maxima", Map.of()),
                    json.readValue(rs.getString(15), new TypeReference<List<BigDecimal>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
