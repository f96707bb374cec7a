package io.rapport.customer.service;

import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerStatusChanged;
import io.rapport.customer.config.CustomerConfig;
import io.rapport.customer.domain.Dormancy;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Marks customers DORMANT after {@code rapport.customer.dormant-after} without activity (last activity, or
 * creation when there was none). Each batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, so replicas
 * running the job at the same time share the work and never mark (or announce) a customer twice.
 */
@ApplicationScoped
public class HygieneService {
    private final EntityManager em;
    private final Outbox outbox;
    private final CustomerConfig config;
    private final Clock clock;

    public HygieneService(EntityManager em, Outbox outbox, CustomerConfig config, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.config = config;
    }

    /** One batch; returns how many customers became DORMANT (less than the batch size: nothing more to do). */
    @Transactional
    @SuppressWarnings("unchecked")
    public int markDormantBatch() {
        Instant now = clock.instant();
        Instant cutoff = new Dormancy(config.dormantAfter()).cutoff(now);
        List<UUID> ids = em.createNativeQuery("with claimed as (select id from customer where status = 'ACTIVE'"
                        + " and coalesce(last_activity_at, created_at) < ?1 order by id limit ?2 for update skip locked)"
                        + " update customer c set status = 'DORMANT', version = c.version + 1, updated_at = ?3"
                        + " from claimed where c.id = claimed.id returning c.id")
                .setParameter(1, cutoff)
                .setParameter(2, config.dormancyBatchSize())
                .setParameter(3, now)
                .getResultList();
        String reason = "no activity since before " + cutoff;
        for (UUID id : ids) {
            outbox.publish(
                    CustomerEvents.STATUS_CHANGED,
                    id,
                    new CustomerStatusChanged(id.toString(), "ACTIVE", "DORMANT", reason, now));
        }
        return ids.size();
    }
}
