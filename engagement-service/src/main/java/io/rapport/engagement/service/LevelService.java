package io.rapport.engagement.service;

import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.LevelResolver;
import io.rapport.engagement.domain.LevelResolver.SchemeClass;
import io.rapport.platform.rest.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Relationship levels: derived from the customer's classes (mapping, else segmentation's recommendation), or set
 * by an account manager with a reason (an override holds until cleared). Every change is kept in level_change.
 */
@ApplicationScoped
public class LevelService {
    public static final String SEGMENT = "SEGMENT";
    public static final String OVERRIDE = "OVERRIDE";
    private static final List<String> VALUE_FIGURES = List.of("value", "profit", "revenue");

    private final EntityManager em;
    private final Profiles profiles;
    private final PlanTriggers triggers;
    private final Clock clock;

    public LevelService(EntityManager em, Profiles profiles, PlanTriggers triggers, Clock clock) {
        this.em = em;
        this.profiles = profiles;
        this.triggers = triggers;
        this.clock = clock;
    }

    /** Keeps the customer's class, value and top-customer flag, then derives the level again. */
    @Transactional
    public void segmentChanged(SegmentChanged e) {
        CustomerProfile p = profiles.getOrStub(UUID.fromString(e.customerId()));
        BigDecimal value = value(e.figures());
        em.createNativeQuery(
                        "insert into customer_class (customer_id, scheme, class_label, recommended_level, value_score, updated_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (customer_id, scheme) do update set class_label = excluded.class_label,"
                                + " recommended_level = excluded.recommended_level, value_score = excluded.value_score, updated_at = excluded.updated_at")
                .setParameter(1, p.customerId)
                .setParameter(2, e.scheme())
                .setParameter(3, e.toClass())
                .setParameter(4, e.recommendedLevel())
                .setParameter(5, value)
                .setParameter(6, clock.instant())
                .executeUpdate();
        Object[] agg = (Object[]) em.createNativeQuery(
                        "select coalesce(max(value_score), 0), bool_or((scheme = 'ABC' and class_label = 'A')"
                                + " or (scheme = 'VALUE' and class_label = 'MVC')) from customer_class where customer_id = ?1")
                .setParameter(1, p.customerId)
                .getSingleResult();
        BigDecimal score = (BigDecimal) agg[0];
        boolean top = Boolean.TRUE.equals(agg[1]);
        if (score.compareTo(p.valueScore) != 0) {
            em.createNativeQuery(
                            "update contact set customer_value = ?1 where customer_id = ?2 and state in ('PLANNED', 'DUE')")
                    .setParameter(1, score)
                    .setParameter(2, p.customerId)
                    .executeUpdate();
        }
        p.valueScore = score;
        p.topCustomer = top;
        p.updatedAt = clock.instant();
        derive(p, "segmentation");
    }

    /** Sets the level by hand; {@code ifMatch} guards against a concurrent change (412). */
    @Transactional
    public CustomerProfile override(UUID customerId, Level level, String reason, String by, String ifMatch) {
        CustomerProfile p = profiles.require(customerId);
        ETags.check(ifMatch, p.version);
        change(p, level, OVERRIDE, reason, by);
        return p;
    }

    /** Ends an override: the level follows the classes again. */
    @Transactional
    public CustomerProfile clearOverride(UUID customerId, String by) {
        CustomerProfile p = profiles.require(customerId);
        if (OVERRIDE.equals(p.levelSource)) {
            p.levelSource = SEGMENT;
            p.levelReason = null;
            if (!derive(p, by)) {
                change(p, Level.BASIC, "DEFAULT", "override cleared and no class gives a level", by);
            }
        }
        return p;
    }

    /** @return whether the classes gave a level */
    private boolean derive(CustomerProfile p, String by) {
        if (OVERRIDE.equals(p.levelSource)) {
            return true;
        }
        List<SchemeClass> classes = classes(p.customerId);
        Map<String, Level> mapping = mapping();
        var level = LevelResolver.resolve(classes, mapping);
        if (level.isEmpty()) {
            return false;
        }
        // the reason too: a reclassification that keeps the level must not leave the old class in the reason
        change(p, level.get(), SEGMENT, LevelResolver.reason(classes, mapping), by);
        return true;
    }

    private void change(CustomerProfile p, Level to, String source, String reason, String by) {
        Level from = p.level;
        boolean levelChanged = from != to;
        if (!levelChanged && Objects.equals(source, p.levelSource) && Objects.equals(reason, p.levelReason)) {
            return;
        }
        UUID changeId = UUID.randomUUID();
        Instant now = clock.instant();
        em.createNativeQuery(
                        "insert into level_change (id, customer_id, from_level, to_level, source, reason, changed_by, changed_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, changeId)
                .setParameter(2, p.customerId)
                .setParameter(3, from.name())
                .setParameter(4, to.name())
                .setParameter(5, source)
                .setParameter(6, reason)
                .setParameter(7, by)
                .setParameter(8, now)
                .executeUpdate();
        p.level = to;
        p.levelSource = source;
        p.levelReason = reason;
        p.updatedAt = now;
        if (levelChanged) {
            triggers.levelChanged(p, from, changeId);
        }
    }

    public List<SchemeClass> classes(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select scheme, class_label, recommended_level from customer_class"
                        + " where customer_id = ?1 order by scheme")
                .setParameter(1, customerId)
                .getResultList();
        return rows.stream()
                .map(r -> new SchemeClass((String) r[0], (String) r[1], level((String) r[2])))
                .toList();
    }

    public Map<String, Level> mapping() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select scheme, class_label, level from level_mapping")
                .getResultList();
        Map<String, Level> m = new HashMap<>();
        rows.forEach(r -> m.put(LevelResolver.key((String) r[0], (String) r[1]), Level.valueOf((String) r[2])));
        return m;
    }

    /** One level change as kept in the history. */
    public record LevelChange(
            UUID id,
            Level fromLevel,
            Level toLevel,
            String source,
            String reason,
            String changedBy,
            Instant changedAt) {}

    public List<LevelChange> history(UUID customerId) {
        profiles.require(customerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, from_level, to_level, source, reason, changed_by, changed_at"
                                + " from level_change where customer_id = ?1 order by changed_at desc, seq desc")
                .setParameter(1, customerId)
                .getResultList();
        return rows.stream()
                .map(r -> new LevelChange(
                        (UUID) r[0],
                        level((String) r[1]),
                        level((String) r[2]),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        ContactScheduler.instant(r[6])))
                .toList();
    }

    /** Sets (or with a null level removes) the level of one class of a scheme; customers follow on their next class event. */
    @Transactional
    public void map(String scheme, String classLabel, Level level) {
        if (level == null) {
            em.createNativeQuery("delete from level_mapping where scheme = ?1 and class_label = ?2")
                    .setParameter(1, scheme)
                    .setParameter(2, classLabel)
                    .executeUpdate();
            return;
        }
        em.createNativeQuery("insert into level_mapping (scheme, class_label, level) values (?1, ?2, ?3)"
                        + " on conflict (scheme, class_label) do update set level = excluded.level")
                .setParameter(1, scheme)
                .setParameter(2, classLabel)
                .setParameter(3, level.name())
                .executeUpdate();
    }

    private static Level level(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Level.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal value(Map<String, String> figures) {
        if (figures == null) {
            return null;
        }
        for (String key : VALUE_FIGURES) {
            String v = figures.get(key);
            if (v != null) {
                try {
                    return new BigDecimal(v);
                } catch (NumberFormatException ignored) {
                    // not a number: try the next figure
                }
            }
        }
        return null;
    }
}
