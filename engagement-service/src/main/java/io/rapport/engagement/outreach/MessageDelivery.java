package io.rapport.engagement.outreach;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.contracts.engagement.ContactCompleted;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.contracts.engagement.MessageFailed;
import io.rapport.contracts.engagement.MessageSent;
import io.rapport.engagement.config.EngagementConfig;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.outreach.RetrySchedule;
import io.rapport.engagement.domain.outreach.SendFailure;
import io.rapport.engagement.domain.outreach.UnsubscribeToken;
import io.rapport.engagement.domain.pressure.ContactRequest;
import io.rapport.engagement.domain.pressure.Placement;
import io.rapport.engagement.service.ContactScheduler;
import io.rapport.engagement.service.PressureSettingsService;
import io.rapport.platform.jobs.Jobs;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers the messages of automated contacts (EMAIL, SMS) the dispatcher queued, at most once per contact:
 * <ol>
 * <li><b>claim</b> (one transaction, {@code FOR UPDATE SKIP LOCKED}, safe on N replicas): each due delivery is checked
 * again against the contact-pressure rules as they stand now (the planner: consent, do-not-contact, the complaint pause,
 * quiet hours, weekends, caps); one that may go is marked SENDING with its attempt counted, and committed;</li>
 * <li><b>send</b> (no transaction): the recipient from customer-service, the template rendered, the message handed
 * to the channel;</li>
 * <li><b>record</b> (a second transaction): SENT with the message id, RETRY with the next time (only when the relay
 * certainly did not take it), or FAILED/BOUNCED; with MessageSent / MessageFailed (and ContactCompleted) in the outbox.</li>
 * </ol>
 * A crash between 1 and 3 leaves the row SENDING; after {@code claim-timeout} it is reconciled as FAILED
 * UNKNOWN_OUTCOME and never sent again: at most once. The window in which a sent message can be reported as
 * failed is the time between the relay's acceptance and the commit of step 3 (milliseconds, unless the process dies there).
 */
@ApplicationScoped
public class MessageDelivery {
    private static final Logger LOG = Logger.getLogger(MessageDelivery.class);

    record Claimed(UUID contactId, UUID customerId, Channel channel, String purpose, int attempt) {}

    private final EntityManager em;
    private final Outbox outbox;
    private final ContactScheduler scheduler;
    private final PressureSettingsService settings;
    private final TemplateService templates;
    private final RecipientDirectory directory;
    private final LoyaltyStanding loyalty;
    private final OutreachConfig config;
    private final EngagementConfig engagement;
    private final Clock clock;
    private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);
    private final UnsubscribeToken tokens;
    private final RetrySchedule retry;
    private final Jobs jobs;

    public MessageDelivery(
            EntityManager em,
            Outbox outbox,
            ContactScheduler scheduler,
            PressureSettingsService settings,
            TemplateService templates,
            RecipientDirectory directory,
            LoyaltyStanding loyalty,
            OutreachConfig config,
            EngagementConfig engagement,
            Clock clock,
            Instance<MessageChannel> channels,
            Jobs jobs) {
        this.jobs = jobs;
        this.em = em;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.settings = settings;
        this.templates = templates;
        this.directory = directory;
        this.loyalty = loyalty;
        this.config = config;
        this.engagement = engagement;
        this.clock = clock;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.tokens = new UnsubscribeToken(config.unsubscribeKey());
        this.retry = new RetrySchedule(
                config.retry().first(), config.retry().max(), config.retry().maxAttempts());
    }

    /** Called by the dispatcher in its claim transaction: the contact's message waits for delivery. */
    public void queue(Contact c, Instant now) {
        em.createNativeQuery(
                        "insert into message_delivery (contact_id, customer_id, channel, purpose, state, next_attempt_at,"
                                + " queued_at, updated_at) values (?1, ?2, ?3, ?4, 'QUEUED', ?5, ?5, ?5) on conflict (contact_id) do nothing")
                .setParameter(1, c.id)
                .setParameter(2, c.customerId)
                .setParameter(3, c.channel.name())
                .setParameter(4, c.purpose.name())
                .setParameter(5, now)
                .executeUpdate();
    }

    @Scheduled(
            every = "${rapport.engagement.outreach.every:15s}",
            delayed = "${rapport.engagement.jobs.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (engagement.jobs().enabled() && config.enabled()) {
            runUntilDone();
        }
    }

    /** Reconciles stale claims, then delivers until nothing is due. @return messages handed over or failed for good */
    public int runUntilDone() {
        QuarkusTransaction.requiringNew().run(this::reconcile);
        return jobs.drainClaimed(config.batchSize(), this::claim, this::deliver);
    }

    /** Claims left SENDING longer than the claim timeout (a crash mid-send): failed, UNKNOWN_OUTCOME, never resent. */
    void reconcile() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> stale = em.createNativeQuery("select contact_id from message_delivery where state = 'SENDING'"
                        + " and claimed_at < ?1 order by claimed_at limit 500 for update skip locked")
                .setParameter(1, now.minus(config.claimTimeout()))
                .getResultList();
        for (UUID id : stale) {
            Object[] row = (Object[])
                    em.createNativeQuery("select attempts, customer_id, channel, purpose from message_delivery"
                                    + " where contact_id = ?1")
                            .setParameter(1, id)
                            .getSingleResult();
            Claimed c = new Claimed(
                    id, (UUID) row[1], Channel.valueOf((String) row[2]), (String) row[3], ((Number) row[0]).intValue());
            LOG.warnf("delivery of contact %s was claimed and never recorded (a crash?): not sent again", id);
            fail(c, "FAILED", "UNKNOWN_OUTCOME", null, "claimed at an attempt that never recorded its outcome", now);
        }
    }

    /** One claim transaction: the rows it handled (failed, deferred or claimed) and those to send now. */
    Jobs.Claimed<Claimed> claim() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery(
                        "select contact_id from message_delivery where state in ('QUEUED', 'RETRY')"
                                + " and next_attempt_at <= ?1 order by next_attempt_at, contact_id limit ?2 for update skip locked")
                .setParameter(1, now)
                .setParameter(2, config.batchSize())
                .getResultList();
        List<Claimed> out = new ArrayList<>();
        for (UUID id : due) {
            Contact c = em.find(Contact.class, id);
            int attempts = ((Number) em.createNativeQuery("select attempts from message_delivery where contact_id = ?1")
                            .setParameter(1, id)
                            .getSingleResult())
                    .intValue();
            Claimed claimed = new Claimed(id, c.customerId, c.channel, c.purpose.name(), attempts);
            CustomerProfile p = CustomerProfile.findById(c.customerId);
            if (p == null || p.mergedInto != null) {
                fail(claimed, "FAILED", "NO_RECIPIENT", null, "the customer is unknown here or merged away", now);
                continue;
            }
            // against what was made (and queued) so far: the contacts still planned were placed around this one already
            List<UUID> excluded = new ArrayList<>(
                    Contact.<Contact>list("customerId = ?1 and state = ?2", c.customerId, ContactState.PLANNED).stream()
                            .map(x -> x.id)
                            .toList());
            excluded.add(c.id);
            Placement placement = settings.planner()
                    .place(
                            new ContactRequest(c.channel, c.purpose, c.requestedAt, c.expiresAt),
                            scheduler.context(p),
                            scheduler.timeline(c.customerId, excluded),
                            now);
            switch (placement.outcome()) {
                case BLOCKED -> {
                    fail(
                            claimed,
                            "FAILED",
                            "NOT_ALLOWED",
                            null,
                            placement.adjustments().get(0).text(),
                            now);
                    c.close(
                            ContactState.CANCELLED,
                            placement.adjustments().get(0).text(),
                            now);
                }
                case EXPIRED -> {
                    fail(claimed, "FAILED", "EXPIRED", null, "the contact expired before its message could go", now);
                    c.close(ContactState.EXPIRED, "EXPIRED: not delivered before expiry", now);
                }
                case PAUSED -> backToPlanning(c, p);
                default -> {
                    if (placement.at().isAfter(now)) {
                        defer(claimed, placement.at(), String.join("; ", placement.reasons()), now);
                    } else {
                        em.createNativeQuery("update message_delivery set state = 'SENDING', attempts = attempts + 1,"
                                        + " claimed_at = ?2, updated_at = ?2 where contact_id = ?1")
                                .setParameter(1, id)
                                .setParameter(2, now)
                                .executeUpdate();
                        out.add(new Claimed(id, c.customerId, c.channel, c.purpose.name(), attempts + 1));
                    }
                }
            }
        }
        return new Jobs.Claimed<>(due.size(), out);
    }

    private void deliver(Claimed c) {
        Instant now = clock.instant();
        RecipientDirectory.Lookup lookup = directory.find(c.customerId());
        if (lookup instanceof RecipientDirectory.Unavailable u) {
            record(c, new SendFailure(SendFailure.Kind.TRANSIENT, null, u.why()));
            return;
        }
        if (lookup instanceof RecipientDirectory.Gone g) {
            finish(c, "FAILED", "NO_RECIPIENT", g.status(), "customer-service does not know the customer");
            return;
        }
        Recipient r = ((RecipientDirectory.Found) lookup).recipient();
        String to = c.channel() == Channel.EMAIL ? r.email() : r.phone();
        MessageChannel channel = channels.get(c.channel());
        if (to == null || channel == null) {
            finish(c, "FAILED", "NO_RECIPIENT", null, "no " + c.channel() + " contact point on record");
            return;
        }
        String language = io.rapport.engagement.domain.outreach.Salutation.language(r.locale());
        Optional<MessageTemplate> template = QuarkusTransaction.requiringNew()
                .call(() -> templates.lookup(
                        c.channel(), io.rapport.engagement.domain.Purpose.valueOf(c.purpose()), language));
        if (template.isEmpty()) {
            finish(c, "FAILED", "REJECTED", null, "no template for " + c.channel());
            return;
        }
        String url = unsubscribeUrl(c.customerId(), c.channel(), c.contactId());
        LoyaltyStanding.Standing standing = QuarkusTransaction.requiringNew().call(() -> loyalty.of(c.customerId()));
        TemplateService.Rendered text = templates.render(
                template.get(), MessageData.of(r, standing, directory.recommendations(c.customerId()), url));
        String messageId = "<" + c.contactId() + "@" + config.messageIdDomain() + ">";
        try {
            String id = channel.send(new OutgoingMessage(
                    c.contactId(),
                    to,
                    text.subject(),
                    text.body(),
                    messageId,
                    url,
                    config.unsubscribeMailto().orElse(null)));
            QuarkusTransaction.requiringNew()
                    .run(() -> sent(c, id, template.get().key(), template.get().language, clock.instant()));
        } catch (MessageChannel.SendException e) {
            record(c, e.failure());
        }
        LOG.debugf("delivery of contact %s took %s", c.contactId(), java.time.Duration.between(now, clock.instant()));
    }

    /** The link of this customer, channel and contact (README: it answers without a login). */
    public String unsubscribeUrl(UUID customerId, Channel channel, UUID contactId) {
        return config.publicBaseUrl() + "/unsubscribe/"
                + tokens.sign(new UnsubscribeToken.Claims(customerId, channel.name(), contactId));
    }

    private void record(Claimed c, SendFailure f) {
        if (f.retryable()) {
            Optional<Instant> next = retry.next(c.attempt(), clock.instant());
            if (next.isPresent()) {
                QuarkusTransaction.requiringNew().run(() -> retryAt(c, next.get(), f, clock.instant()));
                return;
            }
            finish(c, "FAILED", "RETRIES_EXHAUSTED", f.statusCode(), f.error());
            return;
        }
        switch (f.kind()) {
            case BOUNCED -> finish(c, "BOUNCED", "BOUNCED", f.statusCode(), f.error());
            case REJECTED -> finish(c, "FAILED", "REJECTED", f.statusCode(), f.error());
            default -> finish(c, "FAILED", "UNKNOWN_OUTCOME", f.statusCode(), f.error());
        }
    }

    private void finish(Claimed c, String state, String failure, Integer status, String error) {
        QuarkusTransaction.requiringNew().run(() -> fail(c, state, failure, status, error, clock.instant()));
    }

    private void sent(Claimed c, String messageId, String templateKey, String language, Instant now) {
        em.createNativeQuery(
                        "update message_delivery set state = 'SENT', message_id = ?2, sent_at = ?3, updated_at = ?3,"
                                + " template = ?4, language = ?5, failure = null, status_code = null, last_error = null where contact_id = ?1")
                .setParameter(1, c.contactId())
                .setParameter(2, messageId)
                .setParameter(3, now)
                .setParameter(4, templateKey)
                .setParameter(5, language)
                .executeUpdate();
        attempt(c, "SENT", null, null, now);
        Contact contact = em.find(Contact.class, c.contactId());
        contact.outcome = "SENT";
        outbox.publish(
                EngagementEvents.MESSAGE_SENT,
                c.customerId(),
                new MessageSent(
                        c.contactId().toString(),
                        c.customerId().toString(),
                        c.channel().name(),
                        c.purpose(),
                        templateKey,
                        language,
                        messageId,
                        c.attempt(),
                        now));
        outbox.publish(
                EngagementEvents.CONTACT_COMPLETED,
                c.customerId(),
                new ContactCompleted(
                        c.contactId().toString(),
                        c.customerId().toString(),
                        c.channel().name(),
                        c.purpose(),
                        "SENT",
                        true,
                        now));
    }

    private void retryAt(Claimed c, Instant next, SendFailure f, Instant now) {
        em.createNativeQuery("update message_delivery set state = 'RETRY', next_attempt_at = ?2, status_code = ?3,"
                        + " last_error = ?4, updated_at = ?5 where contact_id = ?1")
                .setParameter(1, c.contactId())
                .setParameter(2, next)
                .setParameter(3, f.statusCode())
                .setParameter(4, f.error())
                .setParameter(5, now)
                .executeUpdate();
        attempt(c, "RETRY", f.statusCode(), f.error(), now);
    }

    private void defer(Claimed c, Instant at, String why, Instant now) {
        em.createNativeQuery("update message_delivery set next_attempt_at = ?2, updated_at = ?3 where contact_id = ?1")
                .setParameter(1, c.contactId())
                .setParameter(2, at)
                .setParameter(3, now)
                .executeUpdate();
        attempt(c, "DEFERRED", null, why, now);
    }

    private void fail(Claimed c, String state, String failure, Integer status, String error, Instant now) {
        em.createNativeQuery("update message_delivery set state = ?2, failure = ?3, status_code = ?4, last_error = ?5,"
                        + " updated_at = ?6 where contact_id = ?1")
                .setParameter(1, c.contactId())
                .setParameter(2, state)
                .setParameter(3, failure)
                .setParameter(4, status)
                .setParameter(5, error)
                .setParameter(6, now)
                .executeUpdate();
        attempt(c, state, status, error, now);
        Contact contact = em.find(Contact.class, c.contactId());
        if (contact.state == ContactState.DONE) {
            contact.close(ContactState.MISSED, "FAILED: " + failure, now);
        }
        outbox.publish(
                EngagementEvents.MESSAGE_FAILED,
                c.customerId(),
                new MessageFailed(
                        c.contactId().toString(),
                        c.customerId().toString(),
                        c.channel().name(),
                        c.purpose(),
                        failure,
                        status,
                        c.attempt(),
                        now));
    }

    /** A complaint opened after the claim: the contact goes back to planning, where the pause holds it. */
    private void backToPlanning(Contact c, CustomerProfile p) {
        em.createNativeQuery("delete from delivery_attempt where contact_id = ?1")
                .setParameter(1, c.id)
                .executeUpdate();
        em.createNativeQuery("delete from message_delivery where contact_id = ?1")
                .setParameter(1, c.id)
                .executeUpdate();
        em.createNativeQuery("delete from contact_dispatch where contact_id = ?1")
                .setParameter(1, c.id)
                .executeUpdate();
        c.state = ContactState.PLANNED;
        c.outcome = null;
        c.closedAt = null;
        scheduler.replan(p);
    }

    private void attempt(Claimed c, String outcome, Integer status, String error, Instant now) {
        em.createNativeQuery("insert into delivery_attempt (id, contact_id, attempt, outcome, status_code, error, at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, c.contactId())
                .setParameter(3, c.attempt())
                .setParameter(4, outcome)
                .setParameter(5, status)
                .setParameter(6, error == null ? null : error.length() > 480 ? error.substring(0, 480) : error)
                .setParameter(7, now)
                .executeUpdate();
    }
}
