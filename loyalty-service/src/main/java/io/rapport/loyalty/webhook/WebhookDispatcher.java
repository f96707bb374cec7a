package io.rapport.loyalty.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.loyalty.config.LoyaltyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due deliveries; safe on N replicas. A pass claims a batch with {@code FOR UPDATE SKIP LOCKED} and reserves it
 * with a lease (so a crashed replica's claims return after {@code rapport.webhooks.lease}), sends outside any
 * transaction, and records each outcome in its own transaction. A delivery is due when its subscription is ACTIVE, its
 * time has come, and no earlier delivery of the same subscription and subject (customer) is still PENDING: per
 * subscription, a customer's events arrive in order. A failure is retried on the {@link RetrySchedule}; one that still
 * fails after the retry window is FAILED and disables its subscription with the reason its owner sees.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final int MAX_CLAIMS_PER_PASS = 100;

    private final EntityManager em;
    private final WebhookSecrets secrets;
    private final TargetGuard guard;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final LoyaltyConfig loyalty;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final RetrySchedule schedule;

    public WebhookDispatcher(
            EntityManager em,
            WebhookSecrets secrets,
            TargetGuard guard,
            WebhookSender sender,
            WebhookConfig config,
            LoyaltyConfig loyalty,
            Clock clock,
            WebhookMetrics metrics) {
        this.em = em;
        this.secrets = secrets;
        this.guard = guard;
        this.sender = sender;
        this.config = config;
        this.loyalty = loyalty;
        this.clock = clock;
        this.metrics = metrics;
        this.schedule = config.schedule();
    }

    @Scheduled(
            every = "${rapport.webhooks.dispatch-every:2s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (loyalty.jobs().enabled()) {
            dispatchDue();
        }
    }

    /** Removes delivered and failed deliveries (with their attempts) older than the log retention. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneScheduled() {
        if (loyalty.jobs().enabled()) {
            prune(clock.instant());
        }
    }

    public int prune(Instant now) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "delete from webhook_delivery where status <> 'PENDING'" + " and created_at < ?1")
                        .setParameter(1, now.minus(config.logRetention()))
                        .executeUpdate());
    }

    /** Sends every delivery due now (and those that become due by the ordering as earlier ones go); answers the attempts made. */
    public int dispatchDue() {
        int total = 0;
        for (int i = 0; i < MAX_CLAIMS_PER_PASS; i++) {
            Instant now = clock.instant();
            List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> claim(now));
            if (claimed.isEmpty()) {
                break;
            }
            for (UUID id : claimed) {
                attempt(id, true);
                total++;
            }
        }
        metrics.pending(QuarkusTransaction.requiringNew()
                .call(() -> ((Number)
                                em.createNativeQuery("select count(*) from webhook_delivery where status = 'PENDING'")
                                        .getSingleResult())
                        .longValue()));
        return total;
    }

    @SuppressWarnings("unchecked")
    List<UUID> claim(Instant now) {
        return em.createNativeQuery("update webhook_delivery d set lease_until = ?2 where d.id in ("
                        + " select c.id from webhook_delivery c join webhook_subscription s on s.id = c.subscription_id"
                        + " where c.status = 'PENDING' and s.status = 'ACTIVE' and c.next_attempt_at <= ?1"
                        + " and (c.lease_until is null or c.lease_until <= ?1)"
                        + " and not exists (select 1 from webhook_delivery e where e.subscription_id = c.subscription_id"
                        + "   and c.subject is not null and e.subject = c.subject and e.status = 'PENDING' and e.seq < c.seq)"
                        + " order by c.next_attempt_at, c.seq limit ?3 for update of c skip locked) returning d.id")
                .setParameter(1, now)
                .setParameter(2, now.plus(config.lease()))
                .setParameter(3, config.batchSize())
                .getResultList();
    }

    /** One attempt of a delivery; {@code retry}: schedule another on failure (false for a test ping). */
    WebhookSender.Outcome attempt(UUID deliveryId, boolean retry) {
        Prepared p = QuarkusTransaction.requiringNew().call(() -> prepare(deliveryId));
        if (p == null) {
            return null;
        }
        WebhookSender.Outcome outcome;
        try {
            TargetGuard.Target target = guard.check(p.url());
            long timestamp = clock.instant().getEpochSecond();
            outcome = sender.send(
                    target,
                    p.eventId(),
                    timestamp,
                    WebhookSignature.header(p.secrets(), p.eventId(), timestamp, p.body()),
                    p.body());
        } catch (TargetGuard.Refused e) {
            outcome = new WebhookSender.Outcome(null, 0, "target refused: " + e.getMessage());
        }
        WebhookSender.Outcome o = outcome;
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, o, clock.instant(), retry));
        metrics.attempt(o.success(), o.latencyMs());
        return o;
    }

    private record Prepared(String url, String eventId, String body, List<String> secrets) {}

    private Prepared prepare(UUID deliveryId) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        WebhookSubscription s = d == null ? null : WebhookSubscription.findById(d.subscriptionId);
        if (s == null || !WebhookDelivery.PENDING.equals(d.status)) {
            return null;
        }
        if (s.partner() && d.memberId != null && !consentHolds(d.memberId, s.partnerId)) {
            WebhookDelivery locked = WebhookDelivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
            locked.status = WebhookDelivery.CANCELLED;
            locked.lastError = "not sent: the member's link to the partner was revoked, or the partner is inactive";
            locked.nextAttemptAt = null;
            locked.leaseUntil = null;
            return null;
        }
        return new Prepared(s.url, d.eventId, d.body, secrets.valid(s, clock.instant()));
    }

    private boolean consentHolds(UUID memberId, UUID partnerId) {
        Number n = (Number)
                em.createNativeQuery("select count(*) from partner_link l join partner p on p.id = l.partner_id"
                                + " where l.member_id = ?1 and l.partner_id = ?2 and l.revoked_at is null and p.active")
                        .setParameter(1, memberId)
                        .setParameter(2, partnerId)
                        .getSingleResult();
        return n.longValue() > 0;
    }

    private void record(UUID deliveryId, WebhookSender.Outcome o, Instant now, boolean retry) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            return; // the subscription was deleted meanwhile
        }
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryId = d.id;
        a.attemptedAt = now;
        a.statusCode = o.status();
        a.latencyMs = o.latencyMs();
        a.error = o.error();
        a.manual = !retry;
        a.persist();
        d.attempts++;
        d.lastAttemptAt = now;
        d.lastStatusCode = o.status();
        d.lastLatencyMs = o.latencyMs();
        d.lastError = o.success() ? null : failure(o);
        d.leaseUntil = null;
        if (o.success()) {
            d.status = WebhookDelivery.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
            return;
        }
        if (d.firstAttemptAt == null) {
            d.firstAttemptAt = now;
        }
        d.failures++;
        var next = retry
                ? schedule.next(
                        d.firstAttemptAt,
                        now,
                        d.failures,
                        () -> ThreadLocalRandom.current().nextDouble())
                : java.util.Optional.<Instant>empty();
        if (next.isPresent()) {
            d.nextAttemptAt = next.get();
            return;
        }
        d.status = WebhookDelivery.FAILED;
        d.nextAttemptAt = null;
        boolean disable = false;
        if (retry) {
            WebhookSubscription s = WebhookSubscription.findById(d.subscriptionId, LockModeType.PESSIMISTIC_WRITE);
            if (s != null && WebhookSubscription.ACTIVE.equals(s.status)) {
                s.status = WebhookSubscription.DISABLED;
                s.disabledAt = now;
                s.disabledReason = "event " + d.eventId + " could not be delivered for "
                        + config.retry().window()
                        + " since " + d.firstAttemptAt + " (" + d.failures + " attempts; last: " + failure(o)
                        + "); set status ACTIVE to resume";
                s.updatedAt = now;
                disable = true;
            }
        }
        metrics.gaveUp(disable);
    }

    private static String failure(WebhookSender.Outcome o) {
        if (o.status() != null) {
            return o.error() == null ? "HTTP " + o.status() : "HTTP " + o.status() + ", " + o.error();
        }
        return o.error() == null ? "no answer" : o.error();
    }
}
