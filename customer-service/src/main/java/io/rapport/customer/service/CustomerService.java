package io.rapport.customer.service;

import io.rapport.customer.domain.ContactKind;
import io.rapport.customer.domain.ContactPoint;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.customer.domain.ExternalId;
import io.rapport.customer.rest.CustomerInput;
import io.rapport.customer.rest.CustomerView;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Entering, changing, verifying and archiving customers; every change publishes its event through the outbox. */
@ApplicationScoped
public class CustomerService {
    static final String IDEMPOTENCY_SCOPE = "customer";

    private final CustomerDrafts drafts;
    private final IdentityService identity;
    private final CustomerWriter writer;
    private final Customers customers;
    private final CustomerProfiles profiles;
    private final CustomerEventsPublisher events;
    private final IdempotencyKeys idempotency;
    private final CustomerReader reader;
    private final io.rapport.platform.audit.Audit audit;

    public CustomerService(CustomerDrafts drafts, IdentityService identity, CustomerWriter writer, Customers customers,
            CustomerProfiles profiles, CustomerEventsPublisher events, IdempotencyKeys idempotency, CustomerReader reader,
            io.rapport.platform.audit.Audit audit) {
        this.audit = audit;
        this.drafts = drafts;
        this.identity = identity;
        this.writer = writer;
        this.customers = customers;
        this.profiles = profiles;
        this.events = events;
        this.idempotency = idempotency;
        this.reader = reader;
    }

    /** The outcome of a create: {@code replayed} when the Idempotency-Key was seen before (nothing new stored). */
    public record Created(CustomerView customer, boolean replayed) {
    }

    @Transactional
    public Created create(CustomerInput in, String idempotencyKey, String who) {
        Optional<UUID> earlier = idempotency.find(IDEMPOTENCY_SCOPE, idempotencyKey);
        if (earlier.isPresent()) {
            return new Created(profiles.view(customers.find(earlier.get())), true);
        }
        CustomerDraft draft = drafts.draft(in);
        identity.requireUnique(draft, null);
        Instant now = Instant.now();
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.status = CustomerStatus.ACTIVE;
        c.createdAt = now;
        c.lastActivityAt = now;
        writer.apply(draft, c, who, now);
        c.persist();
        // a new customer has no identities to replace: insert them (no deletes and no extra flush, as an update needs)
        draft.emails().forEach(e -> ContactPoint.of(c.id, ContactKind.EMAIL, e.value(), e.label(), e.primary()).persist());
        draft.phones().forEach(p -> ContactPoint.of(c.id, ContactKind.PHONE, p.value(), p.label(), p.primary()).persist());
        draft.externalIds().forEach(k -> ExternalId.of(c.id, k.system(), k.id()).persist());
        idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, c.id);
        events.registered(c);
        return new Created(profiles.view(c), false);
    }

    public CustomerView view(UUID id) {
        return reader.byId(id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }

    /** Replaces the customer's data; {@code ifMatch} names the version the caller read (412 otherwise). */
    @Transactional
    public CustomerView update(UUID id, CustomerInput in, String ifMatch, String who) {
        Customer c = customers.changeable(id);
        ETags.check(ifMatch, c.version);
        CustomerDraft draft = drafts.draft(in);
        identity.requireUnique(draft, id);
        CustomerView before = profiles.view(c);
        Instant now = Instant.now();
        writer.apply(draft, c, who, now);
        writer.replaceIdentities(draft, c);
        return events.updated(c, before);
    }

    /** Someone confirmed the record is correct now: sets lastVerifiedAt. */
    @Transactional
    public CustomerView verify(UUID id, String ifMatch) {
        Customer c = customers.changeable(id);
        ETags.check(ifMatch, c.version);
        CustomerView before = profiles.view(c);
        Instant now = Instant.now();
        c.lastVerifiedAt = now;
        customers.activity(c, now, now);
        return events.updated(c, before);
    }

    /** Retires a record: ARCHIVED customers stay readable and come back to ACTIVE with new activity. */
    @Transactional
    public CustomerView archive(UUID id, String reason, String ifMatch) {
        Customer c = customers.changeable(id);
        ETags.check(ifMatch, c.version);
        if (c.status == CustomerStatus.ARCHIVED) {
            throw ProblemException.unprocessable("already-archived", "customer " + id + " is already archived");
        }
        CustomerStatus from = c.status;
        c.status = CustomerStatus.ARCHIVED;
        c.touch(Instant.now());
        events.statusChanged(c, from, "archived", Instant.now());
        audit.change("customer", id, id, "ARCHIVE", java.util.Map.of("status", from.name()),
                reason == null || reason.isBlank() ? java.util.Map.of("status", c.status.name())
                        : java.util.Map.of("status", c.status.name(), "reason", reason.trim()));
        Customer.flush();
        return profiles.view(c);
    }
}
