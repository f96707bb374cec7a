package io.rapport.engagement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.contracts.engagement.ComplaintOpened;
import io.rapport.contracts.engagement.ComplaintResolved;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.engagement.config.EngagementConfig;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Complaint;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.Purpose;
import io.rapport.engagement.domain.Severity;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Complaints: opened with a due date from the SLA of their severity; while any complaint of a customer is open,
 * marketing contacts pause and a complaint follow-up call (a service purpose) is scheduled; resolving the last one
 * resumes them. Overdue complaints are escalated by a job safe on every replica, most valuable customers first.
 */
@ApplicationScoped
public class ComplaintService {
    private final EntityManager em;
    private final Profiles profiles;
    private final ContactScheduler scheduler;
    private final Outbox outbox;
    private final EngagementConfig config;
    private final Clock clock;

    public ComplaintService(EntityManager em, Profiles profiles, ContactScheduler scheduler, Outbox outbox,
            EngagementConfig config, Clock clock) {
        this.em = em;
        this.profiles = profiles;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Duration sla(Severity s) {
        EngagementConfig.Complaints c = config.complaints();
        return switch (s) {
            case LOW -> c.slaLow();
            case MEDIUM -> c.slaMedium();
            case HIGH -> c.slaHigh();
            case CRITICAL -> c.slaCritical();
        };
    }

    @Transactional
    public Complaint open(UUID customerId, Channel channel, String category, Severity severity, String description, String by) {
        CustomerProfile p = profiles.require(customerId);
        Instant now = clock.instant();
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.customerId = customerId;
        c.channel = channel;
        c.category = category;
        c.severity = severity;
        c.description = description;
        c.state = Complaint.OPEN;
        c.openedAt = now;
        c.dueAt = now.plus(sla(severity));
        c.openedBy = by;
        c.assigneeId = p.ownerId;
        c.persist();
        afterOpening(c, p, false, now);
        return c;
    }

    @Transactional
    public Complaint resolve(UUID id, String resolution, Integer satisfaction, String ifMatch) {
        Complaint c = get(id);
        ETags.check(ifMatch, c.version);
        if (!Complaint.OPEN.equals(c.state)) {
            throw ProblemException.conflict("complaint-not-open", "complaint " + id + " is already resolved", Map.of("state", c.state));
        }
        Instant now = clock.instant();
        c.state = Complaint.RESOLVED;
        c.resolution = resolution;
        c.satisfaction = satisfaction;
        c.resolvedAt = now;
        em.flush();
        outbox.publish(EngagementEvents.COMPLAINT_RESOLVED, c.customerId, new ComplaintResolved(c.id.toString(),
                c.customerId.toString(), satisfaction, now));
        if (Complaint.openCount(c.customerId) == 0) {
            scheduler.replan(profiles.require(c.customerId));
        }
        return c;
    }

    @Transactional
    public Complaint reopen(UUID id, String reason, String ifMatch, String by) {
        Complaint c = get(id);
        ETags.check(ifMatch, c.version);
        if (Complaint.OPEN.equals(c.state)) {
            throw ProblemException.conflict("complaint-open", "complaint " + id + " is already open", Map.of("state", c.state));
        }
        Instant now = clock.instant();
        c.state = Complaint.OPEN;
        c.reopenCount++;
        c.dueAt = now.plus(sla(c.severity));
        c.escalatedAt = null;
        c.resolvedAt = null;
        c.resolution = reason == null ? c.resolution : "reopened: " + reason;
        afterOpening(c, profiles.require(c.customerId), true, now);
        return c;
    }

    public Complaint get(UUID id) {
        Complaint c = Complaint.findById(id);
        if (c == null) {
            throw ProblemException.notFound("complaint", id);
        }
        return c;
    }

    private void afterOpening(Complaint c, CustomerProfile p, boolean reopened, Instant now) {
        outbox.publish(EngagementEvents.COMPLAINT_OPENED, c.customerId, new ComplaintOpened(c.id.toString(),
                c.customerId.toString(), c.channel.name(), c.category, c.severity.name(), now, c.dueAt, reopened));
        em.flush();
        Instant requested = now.plus(config.complaints().followUpDelay());
        scheduler.create(new NewContact(c.customerId, Channel.PHONE, Purpose.COMPLAINT_FOLLOW_UP, requested,
                c.dueAt.isAfter(requested) ? c.dueAt : requested.plus(sla(c.severity)), null, null,
                "complaint:" + c.id + ":" + c.reopenCount, null, null, "complaint:" + c.id), p, config.complaints().queue());
        scheduler.replan(p);
    }

    /** Open complaints (of one assignee, or all when null), the escalated and most valuable customers' first. */
    @SuppressWarnings("unchecked")
    public List<Complaint> openQueue(boolean escalatedOnly, int limit, String assignee) {
        var q = em.createNativeQuery("select c.* from complaint c join customer_profile p on p.customer_id = c.customer_id"
                + " where c.state = 'OPEN'" + (escalatedOnly ? " and c.escalated_at is not null" : "")
                + (assignee == null ? "" : " and c.assignee_id = ?2")
                + " order by (c.escalated_at is not null) desc, p.top_customer desc, p.value_score desc, c.due_at, c.id limit ?1",
                Complaint.class).setParameter(1, limit);
        if (assignee != null) {
            q.setParameter(2, assignee);
        }
        return q.getResultList();
    }

    @Scheduled(every = "${rapport.engagement.jobs.every:30s}", delayed = "${rapport.engagement.jobs.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.jobs().enabled()) {
            escalateOverdue();
        }
    }

    /** Marks overdue open complaints as escalated, MVC / class A customers first. @return complaints escalated */
    public int escalateOverdue() {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                return em.createNativeQuery("update complaint set escalated_at = ?1, version = version + 1 where id in ("
                        + " select c.id from complaint c join customer_profile p on p.customer_id = c.customer_id"
                        + " where c.state = 'OPEN' and c.escalated_at is null and c.due_at < ?1"
                        + " order by p.top_customer desc, p.value_score desc, c.due_at limit ?2 for update of c skip locked)")
                        .setParameter(1, now).setParameter(2, config.jobs().batchSize()).executeUpdate();
            });
            total += n;
        } while (n > 0);
        return total;
    }
}
