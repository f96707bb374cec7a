package io.rapport.loyalty.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Partner;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.inbox.PoisonEventException;
import io.rapport.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns consumed events into deliveries: one row per matching ACTIVE subscription, inserted with
 * {@code on conflict do nothing} on (subscription, event id), so a replayed event adds nothing. A partner's subscription
 * matches a loyalty event only when the member belongs to the partner's programme and had linked the partner (consent)
 * at the event's time and still has; the body is then the {@link PartnerView}. An integration client gets the event
 * as published. A customer's erasure deletes that customer's deliveries (bodies may hold what the erasure removes).
 */
@ApplicationScoped
public class WebhookFanOut {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final Db db;
    /** When {@link #anyActive} last saw an ACTIVE subscription (null: it saw none). */
    private volatile Instant activeSeenAt;

    public WebhookFanOut(EntityManager em, ObjectMapper json, Clock clock, WebhookMetrics metrics, Db db) {
        this.em = em;
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** How long a "yes" of {@link #anyActive} is remembered (a "no" never is: a new subscription counts at once). */
    static final Duration ACTIVE_REMEMBERED = Duration.ofSeconds(5);

    /**
     * Whether any subscription is ACTIVE: a poll with none has nothing to do. One indexed EXISTS on an autocommit
     * connection (no transaction of its own), asked by the four fan-out channels on every poll; a "yes" is remembered
     * for {@link #ACTIVE_REMEMBERED} of the clock, since a poll that goes through with no active subscription left only
     * records its events in the inbox and queues nothing. When the database cannot say, true: the inbox then retries
     * the poll until it can (the channel never fails on it).
     */
    public boolean anyActive() {
        Instant now = clock.instant();
        Instant seen = activeSeenAt;
        if (seen != null && !now.isBefore(seen) && now.isBefore(seen.plus(ACTIVE_REMEMBERED))) {
            return true;
        }
        try {
            boolean any = db.count(
                            "select count(*) from (select 1 from webhook_subscription where status = ? limit 1) s",
                            WebhookSubscription.ACTIVE)
                    > 0;
            activeSeenAt = any ? now : null;
            return any;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Applies a poll's new events inside the inbox's transaction. */
    public void apply(List<IncomingEvent> events) {
        List<WebhookSubscription> active = WebhookSubscription.list("status", WebhookSubscription.ACTIVE);
        Map<UUID, Partner> partners = new HashMap<>();
        Map<String, Optional<Member>> members = new HashMap<>();
        Instant now = clock.instant();
        int queued = 0;
        for (IncomingEvent e : events) {
            if (CustomerEvents.ERASED.name().equals(e.type()) && e.subject() != null) {
                em.createNativeQuery("delete from webhook_delivery where subject = ?1")
                        .setParameter(1, e.subject())
                        .executeUpdate();
            }
            for (WebhookSubscription s : active) {
                if (!Entitlements.of(s).contains(e.type()) || !EventTypePatterns.matchesAny(s.patterns(), e.type())) {
                    continue;
                }
                if (!s.partner()) {
                    queued += insert(s, e, clientBody(e), null, now);
                    continue;
                }
                Optional<Member> member = partnerMember(s, e, partners, members);
                if (member.isPresent()) {
                    ObjectNode view =
                            PartnerView.of(e.type(), data(e), member.get().memberNumber, s.partnerId.toString());
                    queued += insert(s, e, envelope(e, member.get().memberNumber, view, false), member.get().id, now);
                }
            }
        }
        metrics.queued(queued);
    }

    /** Applies one event (a redrive, or the one-by-one path after a failed batch). */
    public void apply(IncomingEvent event) {
        apply(List.of(event));
    }

    private int insert(WebhookSubscription s, IncomingEvent e, String body, UUID memberId, Instant now) {
        return em.createNativeQuery(
                        "insert into webhook_delivery (id, subscription_id, event_id, event_type, subject, event_time,"
                                + " body, status, next_attempt_at, created_at, member_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8, ?8,"
                                + " cast(?9 as uuid))"
                                + " on conflict (subscription_id, event_id) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, s.id)
                .setParameter(3, e.id())
                .setParameter(4, e.type())
                .setParameter(5, e.subject())
                .setParameter(6, e.time())
                .setParameter(7, body)
                .setParameter(8, now)
                .setParameter(9, memberId == null ? null : memberId.toString())
                .executeUpdate();
    }

    /** The member the event is about, when the partner may be told: same programme, linked then and now. */
    private Optional<Member> partnerMember(
            WebhookSubscription s,
            IncomingEvent e,
            Map<UUID, Partner> partners,
            Map<String, Optional<Member>> members) {
        if (!PartnerView.supports(e.type())) {
            return Optional.empty();
        }
        JsonNode data = data(e);
        String memberId = data.path("memberId").asText(null);
        Partner partner = partners.computeIfAbsent(s.partnerId, id -> Partner.findById(id));
        if (memberId == null || partner == null || !partner.active) {
            return Optional.empty();
        }
        Optional<Member> member = members.computeIfAbsent(memberId, id -> {
            try {
                return Optional.ofNullable(Member.findById(UUID.fromString(id)));
            } catch (IllegalArgumentException ex) {
                return Optional.empty();
            }
        });
        if (member.isEmpty()
                || !partner.programmeId.equals(member.get().programmeId)
                || !linked(member.get().id, partner.id, e.time())) {
            return Optional.empty();
        }
        return member;
    }

    /** Whether the member had linked the partner at {@code at} and the link is still active. */
    boolean linked(UUID memberId, UUID partnerId, Instant at) {
        Number n = (Number)
                em.createNativeQuery("select count(*) from partner_link where member_id = ?1 and partner_id = ?2"
                                + " and revoked_at is null and consented_at <= ?3")
                        .setParameter(1, memberId)
                        .setParameter(2, partnerId)
                        .setParameter(3, at)
                        .getSingleResult();
        return n.longValue() > 0;
    }

    /**
     * The event as published, except the personal fields older customer-service releases still put into customer
     * snapshots ({@link CustomerSnapshot#RETIRED_PERSONAL_FIELDS}): they are never forwarded.
     */
    private String clientBody(IncomingEvent e) {
        JsonNode data = data(e);
        if (data.path("customer") instanceof ObjectNode customer) {
            customer.remove(CustomerSnapshot.RETIRED_PERSONAL_FIELDS);
        }
        return envelope(e, e.subject(), data, true);
    }

    private JsonNode data(IncomingEvent e) {
        if (e.payload() == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(e.payload());
        } catch (JsonProcessingException ex) {
            throw new PoisonEventException("event " + e.id() + " has no JSON payload");
        }
    }

    /** The CloudEvent in structured JSON mode. */
    private String envelope(IncomingEvent e, String subject, JsonNode data, boolean withSequence) {
        ObjectNode ce = json.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", e.id());
        ce.put("source", e.source() == null ? "/rapport" : e.source());
        ce.put("type", e.type());
        if (subject != null) {
            ce.put("subject", subject);
        }
        ce.put("time", e.time().toString());
        ce.put("datacontenttype", "application/json");
        if (withSequence && e.sequence() != null) {
            ce.put("sequence", String.format("%019d", e.sequence()));
        }
        ce.set("data", data);
        try {
            return json.writeValueAsString(ce);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
