package io.rapport.engagement.service;

import io.quarkus.scheduler.Scheduled;
import io.rapport.engagement.config.EngagementConfig;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.pressure.ContactPriority;
import io.rapport.engagement.outreach.MessageDelivery;
import io.rapport.platform.jobs.Jobs;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The overdue job, run through the platform's {@link Jobs#drain}. Each batch claims rows with
 * {@code FOR UPDATE SKIP LOCKED} in its own transaction, so any
 * number of replicas (or threads) can run it at once and no contact is handled twice: automated messages whose
 * slot came are queued for delivery (one contact_dispatch row each, its primary key forbidding a second send; the
 * message itself goes through outreach.MessageDelivery) and recorded as DONE (outcome QUEUED, then SENT); human contacts become DUE (on the rep's agenda); open contacts past their expiry become EXPIRED.
 * Claims go in {@link ContactPriority} order (the purpose's rank, the more valuable customer, the earlier request, the
 * id), the same rule that places a customer's contacts again, written once.
 */
@ApplicationScoped
public class ContactDispatcher {
    /** The PLANNED contacts whose slot came, in priority order ({@link ContactPriority#sqlOrderBy}). */
    private static final String CLAIM_PLANNED =
            "select id from contact where state = 'PLANNED' and paused_reason is null" + " and due_at <= ?1 order by "
                    + ContactPriority.sqlOrderBy("") + " limit ?2 for update skip locked";

    private final EntityManager em;
    private final Outbox outbox;
    private final ContactScheduler scheduler;
    private final PlanTriggers triggers;
    private final EngagementConfig config;
    private final Clock clock;
    private final MessageDelivery delivery;
    private final Jobs jobs;

    public ContactDispatcher(
            EntityManager em,
            Outbox outbox,
            ContactScheduler scheduler,
            PlanTriggers triggers,
            EngagementConfig config,
            Clock clock,
            MessageDelivery delivery,
            Jobs jobs) {
        this.delivery = delivery;
        this.jobs = jobs;
        this.em = em;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.triggers = triggers;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${rapport.engagement.jobs.every:30s}",
            delayed = "${rapport.engagement.jobs.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.jobs().enabled()) {
            runUntilDone("scheduler");
        }
    }

    /** Runs batches until nothing is left to claim. @return contacts handled by this caller */
    public int runUntilDone(String worker) {
        return runUntilDone(worker, config.jobs().batchSize());
    }

    /**
     * As {@link #runUntilDone(String)} with batches of {@code batchSize} contacts, through the platform's
     * {@link Jobs#drain}: each batch its own transaction, until one claims fewer than a batch (a batch claims up to
     * {@code batchSize} PLANNED and as many DUE contacts, so fewer in all means both are exhausted).
     */
    public int runUntilDone(String worker, int batchSize) {
        return jobs.drain(batchSize, () -> claimBatch(worker, batchSize));
    }

    /**
     * One batch in the caller's transaction: claims up to {@code batchSize} due PLANNED contacts (in priority order) and
     * up to {@code batchSize} overdue DUE ones and handles them. @return contacts claimed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int claimBatch(String worker, int batchSize) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> planned = em.createNativeQuery(CLAIM_PLANNED)
                .setParameter(1, now)
                .setParameter(2, batchSize)
                .getResultList();
        for (UUID id : planned) {
            Contact c = em.find(Contact.class, id);
            if (c.state != ContactState.PLANNED) {
                continue;
            }
            if (!c.expiresAt.isAfter(now)) {
                expire(c, now);
            } else if (c.channel.automated()) {
                send(c, worker, now);
            } else {
                c.state = ContactState.DUE;
            }
        }
        @SuppressWarnings("unchecked")
        List<UUID> overdue = em.createNativeQuery("select id from contact where state = 'DUE' and expires_at <= ?1"
                        + " order by expires_at, id limit ?2 for update skip locked")
                .setParameter(1, now)
                .setParameter(2, batchSize)
                .getResultList();
        for (UUID id : overdue) {
            Contact c = em.find(Contact.class, id);
            if (c.state == ContactState.DUE) {
                expire(c, now);
            }
        }
        return planned.size() + overdue.size();
    }

    /**
     * The contact's message is queued for delivery (outreach.MessageDelivery sends it, records SENT and publishes
     * ContactCompleted); the contact counts as made from now on, so the caps see it at once.
     */
    private void send(Contact c, String worker, Instant now) {
        em.createNativeQuery("insert into contact_dispatch (contact_id, sent_at, worker) values (?1, ?2, ?3)")
                .setParameter(1, c.id)
                .setParameter(2, now)
                .setParameter(3, worker)
                .executeUpdate();
        c.close(ContactState.DONE, "QUEUED", now);
        delivery.queue(c, now);
        followRecurring(c);
    }

    private void expire(Contact c, Instant now) {
        c.close(ContactState.EXPIRED, "EXPIRED: not done before expiry", now);
        scheduler.note(c, "EXPIRED", "not done before the expiry " + c.expiresAt, null, "EXPIRED", now);
        scheduler.publishExpired(c, "not done before expiry", now);
        followRecurring(c);
    }

    private void followRecurring(Contact c) {
        CustomerProfile p = CustomerProfile.findById(c.customerId);
        if (p != null && !p.erased) {
            triggers.closed(c, p);
        }
    }
}
