package io.rapport.loyalty.webhook;

import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.service.PartnerService;
import io.rapport.loyalty.webhook.WebhookDtos.SubscriptionCreate;
import io.rapport.loyalty.webhook.WebhookDtos.SubscriptionUpdate;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions and their owners. A partner (its API key at the gateway) sees and changes only its own subscriptions:
 * another's is 404, as if it did not exist. An admin manages every subscription and creates those of integration
 * clients. Secrets are generated here, returned once, and stored encrypted.
 */
@ApplicationScoped
public class WebhookSubscriptionService {
    private final Caller caller;
    private final PartnerService partners;
    private final WebhookSecrets secrets;
    private final TargetGuard guard;
    private final WebhookConfig config;
    private final Audit audit;
    private final EntityManager em;
    private final Clock clock;

    public WebhookSubscriptionService(
            Caller caller,
            PartnerService partners,
            WebhookSecrets secrets,
            TargetGuard guard,
            WebhookConfig config,
            Audit audit,
            EntityManager em,
            Clock clock) {
        this.caller = caller;
        this.partners = partners;
        this.secrets = secrets;
        this.guard = guard;
        this.config = config;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** Who is asking: a partner (never an admin too) or an admin. */
    public record Actor(Partner partner) {
        boolean admin() {
            return partner == null;
        }
    }

    public record Created(WebhookSubscription subscription, String secret) {}

    public Actor actor() {
        if (caller.partnerId().isPresent()) {
            return new Actor(partners.caller(caller));
        }
        if (caller.hasRole(Roles.ADMIN)) {
            return new Actor(null);
        }
        throw new ProblemException(403, "forbidden", "Forbidden", "webhooks are for partners and admins", null, null);
    }

    @Transactional
    public Created create(SubscriptionCreate req) {
        Actor actor = actor();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        if (!actor.admin()) {
            if (req.integrationClient() != null || req.partnerId() != null) {
                throw ProblemException.invalid(
                        req.partnerId() != null ? "partnerId" : "integrationClient",
                        "only an admin may name the owner");
            }
            s.ownerKind = WebhookSubscription.PARTNER;
            s.partnerId = actor.partner().id;
        } else if (req.partnerId() != null) {
            s.ownerKind = WebhookSubscription.PARTNER;
            s.partnerId = partnerId(req.partnerId());
        } else {
            String client = req.integrationClient() == null
                    ? ""
                    : req.integrationClient().trim();
            if (!client.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw ProblemException.invalid(
                        "integrationClient",
                        "an admin names the integration client (1-64 letters,"
                                + " digits, dots, dashes or underscores) or a partnerId");
            }
            s.ownerKind = WebhookSubscription.CLIENT;
            s.clientName = client;
        }
        long owned = s.partner()
                ? WebhookSubscription.count("partnerId", s.partnerId)
                : WebhookSubscription.count("clientName", s.clientName);
        if (owned >= config.maxSubscriptionsPerOwner()) {
            throw ProblemException.unprocessable(
                    "too-many-subscriptions",
                    "an owner may have at most " + config.maxSubscriptionsPerOwner() + " subscriptions");
        }
        s.url = url(req.url());
        s.eventTypes = patterns(req.eventTypes(), Entitlements.of(s));
        s.description = description(req.description());
        s.status = WebhookSubscription.ACTIVE;
        String secret = WebhookSignature.newSecret();
        s.secret = secrets.seal(s, secret);
        s.createdAt = clock.instant();
        s.updatedAt = s.createdAt;
        s.createdBy = caller.label();
        s.persist();
        audit.event(
                "webhook-subscription", s.id, null, "CREATE", Map.of("owner", owner(s), "eventTypes", s.eventTypes));
        return new Created(s, secret);
    }

    public List<WebhookSubscription> list(String partnerFilter) {
        Actor actor = actor();
        if (!actor.admin()) {
            return WebhookSubscription.list("partnerId = ?1 order by createdAt, id", actor.partner().id);
        }
        if (partnerFilter != null) {
            return WebhookSubscription.list("partnerId = ?1 order by createdAt, id", partnerId(partnerFilter));
        }
        return WebhookSubscription.list("order by createdAt, id");
    }

    /** The subscription if the caller may see it; 404 otherwise (another partner's looks like none at all). */
    public WebhookSubscription get(UUID id) {
        return visible(id, false);
    }

    @Transactional
    public WebhookSubscription update(UUID id, SubscriptionUpdate req, String ifMatch) {
        WebhookSubscription s = visible(id, true);
        ETags.check(ifMatch, s.version);
        if (req.url() != null) {
            s.url = url(req.url());
        }
        if (req.eventTypes() != null) {
            s.eventTypes = patterns(req.eventTypes(), Entitlements.of(s));
        }
        if (req.description() != null) {
            s.description = description(req.description());
        }
        if (req.status() != null) {
            switch (req.status()) {
                case WebhookSubscription.PAUSED -> s.status = WebhookSubscription.PAUSED;
                case WebhookSubscription.ACTIVE -> activate(s);
                default -> throw ProblemException.invalid("status", "must be ACTIVE or PAUSED");
            }
        }
        s.updatedAt = clock.instant();
        audit.event(
                "webhook-subscription", s.id, null, "UPDATE", Map.of("status", s.status, "eventTypes", s.eventTypes));
        em.flush();
        return s;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        WebhookSubscription s = visible(id, true);
        ETags.check(ifMatch, s.version);
        audit.event("webhook-subscription", s.id, null, "DELETE", Map.of("owner", owner(s)));
        s.delete();
    }

    /** A new secret; the previous one stays valid for the grace period (both sign meanwhile). */
    @Transactional
    public Created rotate(UUID id) {
        WebhookSubscription s = visible(id, true);
        Instant now = clock.instant();
        s.previousSecret = s.secret;
        s.previousSecretUntil = now.plus(config.rotationGrace());
        String secret = WebhookSignature.newSecret();
        s.secret = secrets.seal(s, secret);
        s.updatedAt = now;
        audit.event(
                "webhook-subscription",
                s.id,
                null,
                "ROTATE_SECRET",
                Map.of("previousValidUntil", s.previousSecretUntil.toString()));
        em.flush();
        return new Created(s, secret);
    }

    WebhookSubscription visible(UUID id, boolean lock) {
        Actor actor = actor();
        WebhookSubscription s = lock
                ? WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : WebhookSubscription.findById(id);
        if (s == null || (!actor.admin() && !actor.partner().id.equals(s.partnerId))) {
            throw ProblemException.notFound("webhook subscription", id);
        }
        return s;
    }

    /** Re-enabling after a pause or a disable: pending deliveries are due now, with a fresh retry window. */
    private void activate(WebhookSubscription s) {
        if (!WebhookSubscription.ACTIVE.equals(s.status)) {
            em.createNativeQuery(
                            "update webhook_delivery set next_attempt_at = ?1, first_attempt_at = null, failures = 0,"
                                    + " lease_until = null"
                                    + " where subscription_id = ?2 and status = 'PENDING'")
                    .setParameter(1, clock.instant())
                    .setParameter(2, s.id)
                    .executeUpdate();
        }
        s.status = WebhookSubscription.ACTIVE;
        s.disabledReason = null;
        s.disabledAt = null;
    }

    private String url(String url) {
        try {
            guard.check(url);
        } catch (TargetGuard.Refused e) {
            throw ProblemException.invalid("url", e.getMessage());
        }
        return url.trim();
    }

    private static String patterns(List<String> patterns, Set<String> entitled) {
        EventTypePatterns.Result r = EventTypePatterns.validate(patterns, entitled);
        if (r.error().isPresent()) {
            throw ProblemException.invalid(r.field(), r.message());
        }
        return String.join(",", r.patterns());
    }

    private static String description(String d) {
        if (d != null && d.length() > 500) {
            throw ProblemException.invalid("description", "at most 500 characters");
        }
        return d;
    }

    private static UUID partnerId(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("partnerId", "must be a UUID");
        }
        if (Partner.findById(uuid) == null) {
            throw ProblemException.unprocessable("unknown-partner", "partnerId", "no such partner");
        }
        return uuid;
    }

    private static String owner(WebhookSubscription s) {
        return s.partner() ? "partner:" + s.partnerId : "client:" + s.clientName;
    }
}
