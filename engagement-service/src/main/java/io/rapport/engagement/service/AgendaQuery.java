package io.rapport.engagement.service;

import io.rapport.engagement.domain.Contact;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * A rep's agenda: open, unpaused contacts assigned to them that are due before {@code until} (the end of their
 * day), overdue included, most valuable customers first, then the earliest. Backed by the partial index
 * contact_agenda (assignee_id, due_at) over open contacts; the sort runs over that rep's range only.
 */
@ApplicationScoped
public class AgendaQuery {
    private final EntityManager em;

    public AgendaQuery(EntityManager em) {
        this.em = em;
    }

    private static final String WHERE = " from contact where assignee_id = ?1 and state in ('PLANNED', 'DUE')"
            + " and due_at < ?2 and paused_reason is null";

    /**
     * The page is chosen from the covering index alone (ids, values, due times), then only its rows are read. The
     * state literals and the paused test stay in the SQL text so that the partial index applies to every plan.
     */
    @SuppressWarnings("unchecked")
    public Page<Contact> agenda(String assigneeId, Instant until, PageRequest page) {
        List<Contact> items = em.createNativeQuery(
                        "with page as (select id, customer_value, due_at" + WHERE
                                + " order by customer_value desc, due_at, id limit ?3 offset ?4)"
                                + " select c.* from contact c join page p on p.id = c.id order by p.customer_value desc, p.due_at, p.id",
                        Contact.class)
                .setParameter(1, assigneeId)
                .setParameter(2, until)
                .setParameter(3, page.size)
                .setParameter(4, page.offset())
                .getResultList();
        long total = ((Number) em.createNativeQuery("select count(*)" + WHERE)
                        .setParameter(1, assigneeId)
                        .setParameter(2, until)
                        .getSingleResult())
                .longValue();
        return Page.of(items, page, total);
    }
}
