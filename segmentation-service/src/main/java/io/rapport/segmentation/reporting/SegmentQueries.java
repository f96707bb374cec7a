package io.rapport.segmentation.reporting;

import io.rapport.platform.persistence.Db;
import io.rapport.platform.rest.PageRequest;
import io.rapport.segmentation.classification.CustomerClass;
import io.rapport.segmentation.domain.Scheme;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of classes, class history and transitions. */
@ApplicationScoped
public class SegmentQueries {
    private static final String CHANGE_COLUMNS =
            "id, customer_id, scheme, from_class, to_class, policy_version, run_id, value," + " changed_at";

    private final Db db;

    public SegmentQueries(Db db) {
        this.db = db;
    }

    /** Profile state: empty when never seen; else whether merged into another id (the survivor) or erased. */
    public Optional<ProfileState> profile(UUID customerId) {
        return db.one(
                "select merged_into, erased, kind, target from customer_profile where customer_id = ?",
                rs -> new ProfileState(
                        rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4)),
                customerId);
    }

    /** What the service holds about a customer besides figures. */
    public record ProfileState(UUID mergedInto, boolean erased, String kind, boolean target) {}

    public List<CustomerClass> classes(UUID customerId) {
        return db.list(
                "select scheme, class_label, policy_version, run_id, since from customer_segment where customer_id = ?"
                        + " order by scheme",
                rs -> new CustomerClass(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getObject(4, UUID.class),
                        Db.instant(rs, "since")),
                customerId);
    }

    public List<ClassChange> history(UUID customerId, Scheme scheme, PageRequest.Sort sort, PageRequest page) {
        return db.list(
                "select " + CHANGE_COLUMNS
                        + " from segment_change where customer_id = ? and (?::text is null or scheme = ?::text)"
                        + " order by changed_at " + sort.direction() + ", id " + sort.direction() + " limit ? offset ?",
                SegmentQueries::change,
                customerId,
                name(scheme),
                name(scheme),
                page.size,
                page.offset());
    }

    public long countHistory(UUID customerId, Scheme scheme) {
        return db.count(
                "select count(*) from segment_change where customer_id = ? and (?::text is null or scheme = ?::text)",
                customerId,
                name(scheme),
                name(scheme));
    }

    /** Moves between classes of a scheme with changed_at in [from, to). */
    public List<Transition> transitions(Scheme scheme, Instant from, Instant to) {
        return db.list(
                "select from_class, to_class, count(*) from segment_change where scheme = ? and changed_at >= ?"
                        + " and changed_at < ? group by from_class, to_class order by count(*) desc, from_class nulls first, to_class",
                rs -> new Transition(rs.getString(1), rs.getString(2), rs.getLong(3)),
                scheme,
                from,
                to);
    }

    /** The changes behind one transition; fromClass null selects first classifications. */
    public List<ClassChange> transitionChanges(
            Scheme scheme, String fromClass, String toClass, Instant from, Instant to, PageRequest page) {
        return db.list(
                "select " + CHANGE_COLUMNS
                        + " from segment_change where scheme = ? and changed_at >= ? and changed_at < ?"
                        + " and from_class is not distinct from ?::text and to_class = ? order by changed_at desc, id desc limit ? offset ?",
                SegmentQueries::change,
                scheme,
                from,
                to,
                fromClass,
                toClass,
                page.size,
                page.offset());
    }

    public long countTransitionChanges(Scheme scheme, String fromClass, String toClass, Instant from, Instant to) {
        return db.count(
                "select count(*) from segment_change where scheme = ? and changed_at >= ? and changed_at < ?"
                        + " and from_class is not distinct from ?::text and to_class = ?",
                scheme,
                from,
                to,
                fromClass,
                toClass);
    }

    private static ClassChange change(ResultSet rs) throws SQLException {
        return new ClassChange(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getObject(7, UUID.class),
                rs.getBigDecimal(8),
                Db.instant(rs, "changed_at"));
    }

    private static String name(Scheme scheme) {
        return scheme == null ? null : scheme.name();
    }
}
