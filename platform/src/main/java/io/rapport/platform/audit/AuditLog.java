package io.rapport.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the audit trail, newest first, for the audit API every service serves. Who may read: {@code admin} reads
 * everything (any customer, any actor, the whole trail); the roles that may read customers ({@link #CUSTOMER_READERS})
 * read the trail of one customer ({@code customerId} given, no {@code actor} filter). Everyone else gets 403.
 */
@ApplicationScoped
public class AuditLog {
    /** Roles that read customer records and therefore the audit trail of one customer. */
    public static final Set<String> CUSTOMER_READERS = Set.of("admin", "data-steward", "sales", "support");
    /** Pages go at most this deep (offset page*size), as every listing's. */
    public static final int MAX_OFFSET = 10_000;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final String service;

    public AuditLog(
            EntityManager em,
            ObjectMapper json,
            Caller caller,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.service = service;
    }

    /**
     * One page of the trail, filtered by customer and/or actor.
     *
     * @param customerId a customer id (UUID text) or null
     * @param actor an actor subject or null
     */
    public Page<AuditEntry> find(String customerId, String actor, int page, int size) {
        UUID customer = customer(customerId);
        String who = actor == null || actor.isBlank() ? null : actor.trim();
        checkAccess(customer, who);
        PageRequest request = PageRequest.of(page, size, null);
        request.validate(Set.of("at"), "at,desc");
        if ((long) page * size > MAX_OFFSET) {
            throw ProblemException.invalid("page", "page x size must not exceed " + MAX_OFFSET);
        }
        String where =
                " where (cast(?1 as uuid) is null or customer_id = cast(?1 as uuid)) and (cast(?2 as text) is null or actor = ?2)";
        Query count = em.createNativeQuery("select count(*) from rapport_audit" + where);
        Query rows =
                em.createNativeQuery("select id, at, actor, actor_roles, partner_id, request_id, entity, entity_id,"
                        + " cast(customer_id as text), action, cast(before as text), cast(after as text), redacted_at from rapport_audit"
                        + where + " order by id desc offset ?3 limit ?4");
        for (Query q : List.of(count, rows)) {
            q.setParameter(1, customer == null ? null : customer.toString()).setParameter(2, who);
        }
        rows.setParameter(3, request.offset()).setParameter(4, size);
        long total = ((Number) count.getSingleResult()).longValue();
        List<AuditEntry> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            items.add(entry((Object[]) row));
        }
        return Page.of(items, request, total);
    }

    private void checkAccess(UUID customer, String actor) {
        if (caller.hasRole("admin")) {
            return;
        }
        if (customer != null && actor == null && caller.roles().stream().anyMatch(CUSTOMER_READERS::contains)) {
            return;
        }
        throw new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                customer == null
                        ? "only admin reads the audit trail across customers or per actor"
                        : "your roles may not read this customer's audit trail",
                null,
                null);
    }

    private static UUID customer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text.trim());
            if (text.trim().length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("customerId", "must be a UUID");
        }
    }

    private AuditEntry entry(Object[] r) {
        String roles = (String) r[3];
        return new AuditEntry(
                ((Number) r[0]).longValue(),
                service,
                instant(r[1]),
                (String) r[2],
                roles == null ? List.of() : Arrays.asList(roles.split(",")),
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7],
                r[8] == null ? null : UUID.fromString((String) r[8]),
                (String) r[9],
                node((String) r[10]),
                node((String) r[11]),
                instant(r[12]));
    }

    private JsonNode node(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rapport_audit holds malformed JSON", e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
