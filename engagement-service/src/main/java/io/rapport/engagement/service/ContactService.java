package io.rapport.engagement.service;

import io.rapport.contracts.engagement.ContactCompleted;
import io.rapport.contracts.engagement.ContactMissed;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.engagement.config.EngagementConfig;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.Interaction;
import io.rapport.engagement.domain.Purpose;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What people do with contacts: create by hand, reschedule, assign, record as done, missed or cancelled. */
@ApplicationScoped
public class ContactService {
    private final Profiles profiles;
    private final ContactScheduler scheduler;
    private final PlanTriggers triggers;
    private final Outbox outbox;
    private final EngagementConfig config;
    private final Clock clock;

    public ContactService(
            Profiles profiles,
            ContactScheduler scheduler,
            PlanTriggers triggers,
            Outbox outbox,
            EngagementConfig config,
            Clock clock) {
        this.profiles = profiles;
        this.scheduler = scheduler;
        this.triggers = triggers;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** A contact made by hand; the same Idempotency-Key returns the first contact. It goes through the pressure rules. */
    @Transactional
    public Contact create(
            UUID customerId,
            Channel channel,
            Purpose purpose,
            Instant dueAt,
            Instant expiresAt,
            String assigneeId,
            String notes,
            String idempotencyKey,
            String by) {
        if (idempotencyKey != null) {
            Contact first = Contact.bySourceKey("manual:" + idempotencyKey);
            if (first != null) {
                return first;
            }
        }
        CustomerProfile p = profiles.require(customerId);
        Instant now = clock.instant();
        if (dueAt.isBefore(now)) {
            throw ProblemException.unprocessable("due-in-past", "dueAt", "must not be in the past (now " + now + ")");
        }
        Instant expires = expiresAt != null ? expiresAt : dueAt.plus(config.contactValidity());
        if (!expires.isAfter(dueAt)) {
            throw ProblemException.unprocessable("expiry-before-due", "expiresAt", "must be after dueAt");
        }
        return scheduler.create(
                new NewContact(
                        customerId,
                        channel,
                        purpose,
                        dueAt,
                        expires,
                        null,
                        null,
                        idempotencyKey == null ? null : "manual:" + idempotencyKey,
                        assigneeId,
                        notes,
                        by),
                p,
                "unassigned");
    }

    public Clock clock() {
        return clock;
    }

    public Contact get(UUID id) {
        Contact c = Contact.findById(id);
        if (c == null) {
            throw ProblemException.notFound("contact", id);
        }
        return c;
    }

    /** Moves an open contact to another time; the pressure rules apply to the new time as to a new contact. */
    @Transactional
    public Contact reschedule(UUID id, Instant dueAt, String reason, String ifMatch, String by) {
        Contact c = open(id, ifMatch);
        Instant now = clock.instant();
        if (dueAt.isBefore(now)) {
            throw ProblemException.unprocessable("due-in-past", "dueAt", "must not be in the past (now " + now + ")");
        }
        Duration validity = Duration.between(c.requestedAt, c.expiresAt);
        scheduler.note(c, "RESCHEDULED", (reason == null ? "rescheduled" : reason) + " by " + by, dueAt, "MOVED", now);
        c.requestedAt = dueAt;
        c.expiresAt = dueAt.plus(validity.isNegative() || validity.isZero() ? config.contactValidity() : validity);
        c.state = ContactState.PLANNED;
        return scheduler.replace(c, profiles.require(c.customerId));
    }

    @Transactional
    public Contact assign(UUID id, String assigneeId, String ifMatch) {
        Contact c = open(id, ifMatch);
        c.assigneeId = assigneeId;
        return c;
    }

    /** Records the contact as made (DONE) with its outcome; logs the outbound interaction; the next recurring one follows. */
    @Transactional
    public Contact complete(UUID id, String outcome, String notes, String ifMatch, String by) {
        Contact c = open(id, ifMatch);
        Instant now = clock.instant();
        c.close(ContactState.DONE, outcome, now);
        c.notes = notes == null ? c.notes : notes;
        log(c, outcome, notes, by, now);
        outbox.publish(
                EngagementEvents.CONTACT_COMPLETED,
                c.customerId,
                new ContactCompleted(
                        c.id.toString(),
                        c.customerId.toString(),
                        c.channel.name(),
                        c.purpose.name(),
                        outcome,
                        false,
                        now));
        triggers.closed(c, profiles.require(c.customerId));
        return c;
    }

    /** Records an attempt that did not reach the customer. */
    @Transactional
    public Contact miss(UUID id, String outcome, String notes, String ifMatch, String by) {
        Contact c = open(id, ifMatch);
        Instant now = clock.instant();
        c.close(ContactState.MISSED, outcome, now);
        c.notes = notes == null ? c.notes : notes;
        log(c, outcome, notes, by, now);
        outbox.publish(
                EngagementEvents.CONTACT_MISSED,
                c.customerId,
                new ContactMissed(
                        c.id.toString(), c.customerId.toString(), c.channel.name(), c.purpose.name(), outcome, now));
        triggers.closed(c, profiles.require(c.customerId));
        return c;
    }

    @Transactional
    public Contact cancel(UUID id, String reason, String ifMatch, String by) {
        Contact c = open(id, ifMatch);
        Instant now = clock.instant();
        c.close(ContactState.CANCELLED, "CANCELLED: " + (reason == null ? "by " + by : reason + " (" + by + ")"), now);
        return c;
    }

    private Contact open(UUID id, String ifMatch) {
        Contact c = get(id);
        ETags.check(ifMatch, c.version);
        if (!c.state.open()) {
            throw ProblemException.conflict(
                    "contact-closed",
                    "contact " + id + " is " + c.state + " and can no longer change",
                    Map.of("state", c.state.name()));
        }
        return c;
    }

    private static void log(Contact c, String outcome, String notes, String by, Instant now) {
        Interaction i = new Interaction();
        i.id = UUID.randomUUID();
        i.customerId = c.customerId;
        i.direction = "OUTBOUND";
        i.kind = c.channel == Channel.PHONE ? "CALL" : c.channel.name();
        i.occurredAt = now;
        i.outcome = outcome;
        i.notes = notes;
        i.contactId = c.id;
        i.recordedBy = by;
        i.persist();
    }
}
