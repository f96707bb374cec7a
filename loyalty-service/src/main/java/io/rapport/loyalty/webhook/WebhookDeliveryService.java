package io.rapport.loyalty.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.rapport.loyalty.webhook.WebhookDtos.DeliveryDetail;
import io.rapport.loyalty.webhook.WebhookDtos.PingResult;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A subscription's delivery log, manual redelivery (one delivery, or every delivery of a time range) and the test
 * ping. Every operation first checks that the caller may see the subscription ({@link WebhookSubscriptionService}).
 */
@ApplicationScoped
public class WebhookDeliveryService {
    public static final String PING_TYPE = "rapport.webhook.ping.v1";
    static final Set<String> STATUSES = Set.of(
            WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED, WebhookDelivery.CANCELLED);
    private static final Duration MAX_RANGE = Duration.ofDays(31);

    private final WebhookSubscriptionService subscriptions;
    private final WebhookDispatcher dispatcher;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookDeliveryService(
            WebhookSubscriptionService subscriptions,
            WebhookDispatcher dispatcher,
            EntityManager em,
            ObjectMapper json,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.em = em;
        this.clock = clock;
        this.json = json;
    }

    public record Listed(List<WebhookDelivery> items, long total) {}

    public Listed list(UUID subscriptionId, String status, PageRequest page) {
        subscriptions.get(subscriptionId);
        page.validate(Set.of("createdAt"), "createdAt,desc");
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "must be PENDING, DELIVERED, FAILED or CANCELLED");
        }
        var q = status == null
                ? WebhookDelivery.<WebhookDelivery>find(
                        "subscriptionId", Sort.descending("createdAt", "seq"), subscriptionId)
                : WebhookDelivery.<WebhookDelivery>find(
                        "subscriptionId = ?1 and status = ?2",
                        Sort.descending("createdAt", "seq"),
                        subscriptionId,
                        status);
        return new Listed(q.page(Page.of(page.page, page.size)).list(), q.count());
    }

    public DeliveryDetail detail(UUID subscriptionId, UUID deliveryId) {
        WebhookDelivery d = delivery(subscriptionId, deliveryId);
        List<WebhookAttempt> attempts = WebhookAttempt.list("deliveryId = ?1 order by attemptedAt, id", d.id);
        return new DeliveryDetail(
                WebhookDtos.DeliveryView.of(d),
                attempts.stream().map(WebhookDtos.AttemptView::of).toList(),
                d.body);
    }

    /** Queues one delivery again: due now, with a fresh retry window. */
    @Transactional
    public WebhookDelivery redeliver(UUID subscriptionId, UUID deliveryId) {
        WebhookDelivery d = delivery(subscriptionId, deliveryId);
        requeue("id = ?1", d.id);
        em.refresh(d);
        return d;
    }

    /** Queues again every delivery of the subscription whose event time lies in [from, to). */
    @Transactional
    public int redeliver(UUID subscriptionId, Instant from, Instant to) {
        subscriptions.get(subscriptionId);
        if (from == null || to == null || !from.isBefore(to)) {
            throw ProblemException.invalid(from == null ? "from" : "to", "from and to are required, from before to");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("to", "a range covers at most 31 days");
        }
        return requeue(
                "subscription_id = ?1 and event_time >= ?2 and event_time < ?3 and event_type <> '" + PING_TYPE + "'",
                subscriptionId,
                from,
                to);
    }

    private int requeue(String where, Object... params) {
        var q = em.createNativeQuery("update webhook_delivery set status = 'PENDING', next_attempt_at = ?"
                + (params.length + 1)
                + ", first_attempt_at = null, failures = 0, lease_until = null, delivered_at = null where " + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.setParameter(params.length + 1, clock.instant()).executeUpdate();
    }

    /** Sends a signed test event now and answers the target's response (recorded in the log, never retried). */
    public PingResult ping(UUID subscriptionId) {
        WebhookSubscription s = subscriptions.get(subscriptionId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        ObjectNode ce = json.createObjectNode();
        ce.put("specversion", "1.0")
                .put("id", id.toString())
                .put("source", "/loyalty-service")
                .put("type", PING_TYPE)
                .put("time", now.toString())
                .put("datacontenttype", "application/json");
        ce.putObject("data").put("subscriptionId", s.id.toString()).put("message", "ping");
        String body;
        try {
            body = json.writeValueAsString(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into webhook_delivery (id, subscription_id,"
                                + " event_id, event_type, event_time, body, status, next_attempt_at, created_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', null, ?5)")
                        .setParameter(1, id)
                        .setParameter(2, s.id)
                        .setParameter(3, id.toString())
                        .setParameter(4, PING_TYPE)
                        .setParameter(5, now)
                        .setParameter(6, body)
                        .executeUpdate());
        WebhookSender.Outcome o = dispatcher.attempt(id, false);
        return new PingResult(
                id.toString(),
                o.success(),
                o.status(),
                o.latencyMs(),
                o.success() ? null : o.error() != null ? o.error() : "HTTP " + o.status());
    }

    private WebhookDelivery delivery(UUID subscriptionId, UUID deliveryId) {
        subscriptions.get(subscriptionId);
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        if (d == null || !d.subscriptionId.equals(subscriptionId)) {
            throw ProblemException.notFound("delivery", deliveryId);
        }
        return d;
    }
}
