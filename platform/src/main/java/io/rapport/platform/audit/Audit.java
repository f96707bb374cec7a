package io.rapport.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.rapport.platform.rest.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The audit trail: records who (the request's {@link Caller}: subject, roles, partner, request id; "system" outside a
 * request), when, what (entity, id, customer, action) and the before/after of the changed fields, in the transaction
 * of the change, into the append-only {@code rapport_audit} table. An erasure calls {@link #redactCustomers} so the
 * trail keeps what changed and who changed it, but not the erased customer's personal values.
 */
@ApplicationScoped
public class Audit {
    private static final Set<String> NOT_A_CHANGE = Set.of("version", "updatedAt", "etag");

    private final EntityManager em;
    private final ObjectMapper json;
    private final Instance<Caller> caller;

    public Audit(EntityManager em, ObjectMapper json, Instance<Caller> caller) {
        this.em = em;
        this.json = json;
        this.caller = caller;
    }

    /**
     * Records a change, keeping only the top-level fields that differ between {@code before} and {@code after} (any
     * objects Jackson can write; null for a creation or a deletion). Nothing is written when nothing changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(String entity, Object entityId, UUID customerId, String action, Object before, Object after) {
        JsonNode b = before == null ? null : json.valueToTree(before);
        JsonNode a = after == null ? null : json.valueToTree(after);
        if (b instanceof ObjectNode bo && a instanceof ObjectNode ao) {
            ObjectNode db = json.createObjectNode();
            ObjectNode da = json.createObjectNode();
            Set<String> names = new TreeSet<>();
            bo.fieldNames().forEachRemaining(names::add);
            ao.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!NOT_A_CHANGE.contains(name) && !bo.path(name).equals(ao.path(name))) {
                    db.set(name, bo.get(name));
                    da.set(name, ao.get(name));
                }
            }
            if (db.isEmpty() && da.isEmpty()) {
                return;
            }
            b = db;
            a = da;
        }
        write(entity, entityId, customerId, action, b, a);
    }

    /** Records an event as given (an erasure, a merge, an adjustment): {@code details} become the "after" side. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void event(String entity, Object entityId, UUID customerId, String action, Map<String, ?> details) {
        write(entity, entityId, customerId, action, null, details == null ? null : json.valueToTree(details));
    }

    /**
     * Replaces the personal values in the before/after of every record about these customers (see {@link Redaction}).
     * Call it in the erasure's transaction; records written afterwards hold no personal data of an erased customer.
     *
     * @return the number of records redacted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactCustomers(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, cast(before as text), cast(after as text) from rapport_audit"
                                + " where customer_id in (?1) and (before is not null or after is not null) for update")
                .setParameter(1, List.copyOf(customerIds))
                .getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("update rapport_audit set before = cast(?2 as jsonb), after = cast(?3 as jsonb),"
                            + " redacted_at = now() where id = ?1")
                    .setParameter(1, ((Number) row[0]).longValue())
                    .setParameter(2, redacted((String) row[1]))
                    .setParameter(3, redacted((String) row[2]))
                    .executeUpdate();
        }
        return rows.size();
    }

    private String redacted(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.writeValueAsString(Redaction.redact(json.readTree(text)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rapport_audit holds malformed JSON", e);
        }
    }

    private static final String INSERT =
            "insert into rapport_audit (actor, actor_roles, partner_id, request_id, entity,"
                    + " entity_id, customer_id, action, before, after)"
                    + " values (?, ?, ?, ?, ?, ?, cast(? as uuid), ?, cast(? as jsonb), cast(? as jsonb))";

    /**
     * One insert on the transaction's connection through plain JDBC: a Hibernate native update would also flush the
     * session and schedule a cleanup of every entity's caches (it cannot know the statement touches one table only),
     * which cost more CPU than the insert itself on the create path (JFR, bench/README.md).
     */
    private void write(
            String entity, Object entityId, UUID customerId, String action, JsonNode before, JsonNode after) {
        Caller who = currentCaller();
        String beforeText = text(before);
        String afterText = text(after);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                ps.setString(1, who == null ? Caller.SYSTEM : who.subject());
                ps.setString(
                        2, who == null || who.roles().isEmpty() ? null : String.join(",", new TreeSet<>(who.roles())));
                ps.setString(3, who == null ? null : who.partnerId().orElse(null));
                ps.setString(4, who == null ? null : who.requestId());
                ps.setString(5, entity);
                ps.setString(6, entityId == null ? null : String.valueOf(entityId));
                ps.setString(7, customerId == null ? null : customerId.toString());
                ps.setString(8, action);
                ps.setString(9, beforeText);
                ps.setString(10, afterText);
                ps.executeUpdate();
            }
        });
    }

    private String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit values must be JSON", e);
        }
    }

    /** The request's caller, or null outside a request (event consumers, scheduled jobs): then the actor is "system". */
    private Caller currentCaller() {
        if (!Arc.container().requestContext().isActive() || !caller.isResolvable()) {
            return null;
        }
        return caller.get();
    }
}
