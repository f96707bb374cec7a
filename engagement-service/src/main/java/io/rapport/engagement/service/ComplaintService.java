package io.rapport.engagement.service;

import io.quarkus.scheduler.Scheduled;
import io.rapport.contracts.engagement.ComplaintEscalated;
import io.rapport.contracts.engagement.ComplaintOpened;
import io.rapport.contracts.engagement.ComplaintResolved;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.engagement.config.EngagementConfig;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Complaint;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.EscalationRule;
import io.rapport.engagement.domain.Purpose;
import io.rapport.engagement.domain.Severity;
import io.rapport.platform.jobs.Jobs;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
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
 * resumes them. Overdue complaints are escalated by level (EscalationRule: reassign and/or notify, once per level) by
 * a job safe on every replica.
 */
@ApplicationScoped
public class ComplaintService {
    private final EntityManager em;
    private final Profiles profiles;
    private final ContactScheduler scheduler;
    private final Outbox outbox;
    private final EngagementConfig config;
    private final Clock clock;
    private final EscalationRule escalation;
    private final Jobs jobs;

    public ComplaintService(
            EntityManager em,
            Profiles profiles,
            ContactScheduler scheduler,
            Outbox outbox,
            EngagementConfig config,
            Clock clock,
            Jobs jobs) {
        this.jobs = jobs;
        this.em = em;
        this.profiles = profiles;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.escalation = EscalationRule.parse(config.complaints().escalation());
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
    public Complaint open(
            UUID customerId, Channel channel, String category, Severity severity, String description, String by) {
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
            throw ProblemException.conflict(
                    "complaint-not-open", "complaint " + id + " is already resolved", Map.of("state", c.state));
        }
        Instant now = clock.instant();
        c.state = Complaint.RESOLVED;
        c.resolution = resolution;
        c.satisfaction = satisfaction;
        c.resolvedAt = now;
        em.flush();
        outbox.publish(
                EngagementEvents.COMPLAINT_RESOLVED,
                c.customerId,
                new ComplaintResolved(c.id.toString(), c.customerId.toString(), satisfaction, now));
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
            throw ProblemException.conflict(
                    "complaint-open", "complaint " + id + " is already open", Map.of("state", c.state));
        }
        Instant now = clock.instant();
        c.state = Complaint.OPEN;
        c.reopenCount++;
        c.dueAt = now.plus(sla(c.severity));
        c.escalatedAt = null;
        c.escalationLevel = 0;
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
        outbox.publish(
                EngagementEvents.COMPLAINT_OPENED,
                c.customerId,
                new ComplaintOpened(
                        c.id.toString(),
                        c.customerId.toString(),
                        c.channel.name(),
                        c.category,
                        c.severity.name(),
                        now,
                        c.dueAt,
                        reopened));
        em.flush();
        Instant requested = now.plus(config.complaints().followUpDelay());
        scheduler.create(
                new NewContact(
                        c.customerId,
                        Channel.PHONE,
                        Purpose.COMPLAINT_FOLLOW_UP,
                        requested,
                        c.dueAt.isAfter(requested) ? c.dueAt : requested.plus(sla(c.severity)),
                        null,
                        null,
                        "complaint:" + c.id + ":" + c.reopenCount,
                        null,
                        null,
                        "complaint:" + c.id),
                p,
                config.complaints().queue());
        scheduler.replan(p);
    }

    /** The queue's priority: escalated first, then MVC / class A (top) customers, more valuable ones, the earliest due. */
    private static final List<String> PRIORITY =
            List.of("(c.escalated_at is not null) desc", "p.top_customer desc", "p.value_score desc", "c.due_at asc");

    private static final Map<String, String> SORT_COLUMNS = Map.of("dueAt", "c.due_at", "openedAt", "c.opened_at");

    /**
     * Open complaints (of one assignee, or all when null), paged. sort=priority (the default; desc reverses it),
     * dueAt or openedAt; ties broken by id so pages are stable.
     */
    @SuppressWarnings("unchecked")
    public Page<Complaint> openQueue(boolean escalatedOnly, String assignee, PageRequest page) {
        PageRequest.Sort sort = page.validate(java.util.Set.of("priority", "dueAt", "openedAt"), "priority");
        String from =
                " from complaint c join customer_profile p on p.customer_id = c.customer_id where c.state = 'OPEN'"
                        + (escalatedOnly ? " and c.escalated_at is not null" : "")
                        + (assignee == null ? "" : " and c.assignee_id = ?1");
        String order;
        if (sort.field().equals("priority")) {
            order = String.join(
                            ", ",
                            sort.descending()
                                    ? PRIORITY.stream()
                                            .map(ComplaintService::reverse)
                                            .toList()
                                    : PRIORITY)
                    + ", c.id " + sort.direction();
        } else {
            order = SORT_COLUMNS.get(sort.field()) + " " + sort.direction() + ", c.id " + sort.direction();
        }
        var select = em.createNativeQuery("select c.*" + from + " order by " + order, Complaint.class);
        var count = em.createNativeQuery("select count(*)" + from);
        if (assignee != null) {
            select.setParameter(1, assignee);
            count.setParameter(1, assignee);
        }
        List<Complaint> items =
                select.setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
        return Page.of(items, page, ((Number) count.getSingleResult()).longValue());
    }

    private static String reverse(String orderTerm) {
        return orderTerm.endsWith(" desc")
                ? orderTerm.substring(0, orderTerm.length() - 5) + " asc"
                : orderTerm.substring(0, orderTerm.length() - 4) + " desc";
    }

    @Scheduled(
            every = "${rapport.engagement.jobs.every:30s}",
            delayed = "${rapport.engagement.jobs.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.jobs().enabled()) {
            escalateOverdue();
        }
    }

    /**
     * Escalates the open complaints that reached a new level of the escalation rule: each is claimed with
     * {@code FOR UPDATE SKIP LOCKED} (so N replicas share the work and never escalate one twice), reassigned and/or
     * notified as the level says and announced with ComplaintEscalated, in one transaction per batch (the platform's
     * {@link Jobs#drain}, batches walking the complaints in id order). A complaint
     * reaches each level once: a second run, here or on another replica, finds it at its level and leaves it.
     *
     * @return complaints escalated
     */
    public int escalateOverdue() {
        if (escalation.levels().isEmpty()) {
            return 0;
        }
        int batchSize = config.jobs().batchSize();
        UUID[] after = {new UUID(0, 0)}; // the lowest uuid in PostgreSQL's (unsigned) order
        int[] escalated = new int[1];
        jobs.drain(batchSize, () -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("select c.id from complaint c where c.state = 'OPEN'"
                            + " and c.escalation_level < ?1 and c.due_at < ?2 and c.severity = any(cast(?3 as text[]))"
                            + " and c.id > ?4 order by c.id limit ?5 for update of c skip locked")
                    .setParameter(1, escalation.levels().size())
                    .setParameter(2, now.minus(escalation.shortestDelay()))
                    .setParameter(
                            3, escalation.severities().stream().map(Enum::name).toArray(String[]::new))
                    .setParameter(4, after[0])
                    .setParameter(5, batchSize)
                    .getResultList();
            for (UUID id : ids) {
                Complaint c = em.find(Complaint.class, id);
                var level = escalation.decide(c.severity, c.dueAt, c.escalationLevel, now);
                if (level.isPresent()) {
                    escalate(c, level.get(), now);
                    escalated[0]++;
                }
                after[0] = id;
            }
            return ids.size();
        });
        return escalated[0];
    }

    private void escalate(Complaint c, EscalationRule.Level level, Instant now) {
        String before = c.assigneeId;
        if (level.assignTo() != null) {
            c.assigneeId = level.assignTo();
        }
        c.escalationLevel = level.number();
        if (c.escalatedAt == null) {
            c.escalatedAt = now;
        }
        outbox.publish(
                EngagementEvents.COMPLAINT_ESCALATED,
                c.customerId,
                new ComplaintEscalated(
                        c.id.toString(),
                        c.customerId.toString(),
                        c.severity.name(),
                        level.number(),
                        c.dueAt,
                        before,
                        c.assigneeId,
                        level.notifyIds(),
                        now));
    }
}
