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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

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

    private void write(
            String entity, Object entityId, UUID customerId, String action, JsonNode before, JsonNode after) {
        Caller who = currentCaller();
        em.createNativeQuery(
                        "insert into rapport_audit (actor, actor_roles, partner_id, request_id, entity, entity_id,"
                                + " customer_id, action, before, after) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as uuid), ?8, cast(?9 as jsonb), cast(?10 as jsonb))")
                .setParameter(1, who == null ? Caller.SYSTEM : who.subject())
                .setParameter(
                        2, who == null || who.roles().isEmpty() ? null : String.join(",", new TreeSet<>(who.roles())))
                .setParameter(3, who == null ? null : who.partnerId().orElse(null))
                .setParameter(4, who == null ? null : who.requestId())
                .setParameter(5, entity)
                .setParameter(6, entityId == null ? null : String.valueOf(entityId))
                .setParameter(7, customerId == null ? null : customerId.toString())
                .setParameter(8, action)
                .setParameter(9, text(before))
                .setParameter(10, text(after))
                .executeUpdate();
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
