package io.rapport.segmentation.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.persistence.Db;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.PolicyViolation;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ValueRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Versioned policies. Creating a version makes it the active one of its scheme (the previous active one
 * stays readable); any older version can be activated again. One active version per scheme at all times.
 */
@ApplicationScoped
public class PolicyStore {
    private static final String COLUMNS = "scheme, version, active, definition::text, created_at, created_by";

    private final Db db;
    private final ObjectMapper json;
    private final Audit audit;

    public PolicyStore(Db db, ObjectMapper json, Audit audit) {
        this.db = db;
        this.json = json;
        this.audit = audit;
    }

    public Policy active(Scheme scheme) {
        return db.one("select " + COLUMNS + " from segment_policy where scheme = ? and active", this::map, scheme)
                .orElseThrow(() -> new IllegalStateException("no active policy for " + scheme));
    }

    public Policy version(Scheme scheme, long version) {
        return db.one(
                        "select " + COLUMNS + " from segment_policy where scheme = ? and version = ?",
                        this::map,
                        scheme,
                        version)
                .orElseThrow(() -> ProblemException.notFound("policy " + scheme + " version", version));
    }

    public List<Policy> versions(Scheme scheme, PageRequest page) {
        return db.list(
                "select " + COLUMNS + " from segment_policy where scheme = ? order by version desc limit ? offset ?",
                this::map,
                scheme,
                page.size,
                page.offset());
    }

    public long countVersions(Scheme scheme) {
        return db.count("select count(*) from segment_policy where scheme = ?", scheme);
    }

    /**
     * Stores a new active version. {@code ifMatch}, when given, must name the active version (412 otherwise).
     *
     * @throws ProblemException 422 when the rules break a policy rule
     */
    @Transactional
    public Policy create(Scheme scheme, AbcRules abc, ValueRules value, String ifMatch, String by) {
        Object definition;
        try {
            if (scheme == Scheme.ABC) {
                if (abc == null || value != null) {
                    throw ProblemException.unprocessable(
                            "policy-invalid", "abc", "an ABC policy needs abc rules and no value rules");
                }
                definition = abc.normalised();
            } else {
                if (value == null || abc != null) {
                    throw ProblemException.unprocessable(
                            "policy-invalid", "value", "a VALUE policy needs value rules and no abc rules");
                }
                definition = value.normalised();
            }
        } catch (PolicyViolation e) {
            throw ProblemException.unprocessable("policy-invalid", e.field(), e.getMessage());
        }
        long current = db.one(
                        "select version from segment_policy where scheme = ? and active for update",
                        rs -> rs.getLong(1),
                        scheme)
                .orElse(0L);
        ETags.check(ifMatch, current);
        long next = db.count("select coalesce(max(version), 0) + 1 from segment_policy where scheme = ?", scheme);
        db.update("update segment_policy set active = false where scheme = ? and active", scheme);
        String before = db.one(
                        "select definition::text from segment_policy where scheme = ? and version = ?",
                        rs -> rs.getString(1),
                        scheme,
                        current)
                .orElse(null);
        db.update(
                "insert into segment_policy (scheme, version, active, definition, created_by) values (?, ?, true, ?::jsonb, ?)",
                scheme,
                next,
                write(definition),
                by);
        audit.change(
                "policy",
                scheme + ":" + next,
                null,
                "CREATE",
                audited(current, before),
                audited(next, write(definition)));
        return version(scheme, next);
    }

    @Transactional
    public Policy activate(Scheme scheme, long version) {
        version(scheme, version);
        long current = db.one(
                        "select version from segment_policy where scheme = ? and active", rs -> rs.getLong(1), scheme)
                .orElse(0L);
        audit.change(
                "policy",
                scheme + ":" + version,
                null,
                "ACTIVATE",
                java.util.Map.of("activeVersion", current),
                java.util.Map.of("activeVersion", version));
        db.update("update segment_policy set active = false where scheme = ? and active", scheme);
        db.update("update segment_policy set active = true where scheme = ? and version = ?", scheme, version);
        return version(scheme, version);
    }

    /** The active version and its rules as the audit trail records them; null before the first policy. */
    private java.util.Map<String, Object> audited(long version, String definition) {
        if (definition == null) {
            return null;
        }
        try {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("activeVersion", version);
            m.put("rules", json.readTree(definition));
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is unreadable", e);
        }
    }

    private Policy map(ResultSet rs) throws SQLException {
        Scheme scheme = Scheme.valueOf(rs.getString(1));
        String definition = rs.getString(4);
        try {
            AbcRules abc = scheme == Scheme.ABC ? json.readValue(definition, AbcRules.class) : null;
            ValueRules value = scheme == Scheme.VALUE ? json.readValue(definition, ValueRules.class) : null;
            return new Policy(
                    scheme, rs.getLong(2), rs.getBoolean(3), abc, value, Db.instant(rs, "created_at"), rs.getString(6));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy " + scheme + " is unreadable", e);
        }
    }

    private String write(Object definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
