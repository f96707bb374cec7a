package io.rapport.customer.service;

import io.rapport.customer.rest.CustomerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The current consent per channel (table customer_consent); the most recent decision wins. */
@ApplicationScoped
public class ConsentStore {
    private final EntityManager em;

    public ConsentStore(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<CustomerView.ConsentView> current(UUID customerId) {
        List<Object[]> rows = em.createNativeQuery("select channel, granted, source, decided_at from customer_consent"
                        + " where customer_id = ?1 order by channel")
                .setParameter(1, customerId)
                .getResultList();
        return rows.stream()
                .map(r -> new CustomerView.ConsentView(
                        (String) r[0], (Boolean) r[1], (String) r[2], SqlValues.instant(r[3])))
                .toList();
    }

    public Map<String, Boolean> asMap(List<CustomerView.ConsentView> consents) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        consents.forEach(c -> map.put(c.channel(), c.granted()));
        return map;
    }

    /** Records the decision unless a more recent one is already stored; true when it became current. */
    public boolean decide(UUID customerId, String channel, boolean granted, String source, Instant decidedAt) {
        return em.createNativeQuery("insert into customer_consent (customer_id, channel, granted, source, decided_at)"
                                + " values (?1, ?2, ?3, ?4, ?5) on conflict (customer_id, channel) do update"
                                + " set granted = excluded.granted, source = excluded.source, decided_at = excluded.decided_at"
                                + " where customer_consent.decided_at <= excluded.decided_at")
                        .setParameter(1, customerId)
                        .setParameter(2, channel)
                        .setParameter(3, granted)
                        .setParameter(4, source)
                        .setParameter(5, decidedAt)
                        .executeUpdate()
                == 1;
    }
}
