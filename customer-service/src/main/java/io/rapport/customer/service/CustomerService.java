package io.rapport.customer.service;

import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.customer.model.CustomerInput;
import io.rapport.customer.model.CustomerView;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Changing, verifying and archiving customers; every change publishes its event through the outbox. Entering one is
 * the registration pipeline's ({@link io.rapport.customer.registration.Registrations}).
 */
@ApplicationScoped
public class CustomerService {
    private final CustomerDrafts drafts;
    private final IdentityService identity;
    private final CustomerWriter writer;
    private final Customers customers;
    private final CustomerProfiles profiles;
    private final CustomerEventsPublisher events;
    private final CustomerReader reader;
    private final io.rapport.platform.audit.Audit audit;
    private final OwnerAssignment owners;
    private final Clock clock;

    public CustomerService(
            CustomerDrafts drafts,
            IdentityService identity,
            CustomerWriter writer,
            Customers customers,
            CustomerProfiles profiles,
            CustomerEventsPublisher events,
            CustomerReader reader,
            io.rapport.platform.audit.Audit audit,
            OwnerAssignment owners,
            Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.owners = owners;
        this.drafts = drafts;
        this.identity = identity;
        this.writer = writer;
        this.customers = customers;
        this.profiles = profiles;
        this.events = events;
        this.reader = reader;
    }

    public CustomerView view(UUID id) {
        return reader.byId(id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }

    /**
     * Replaces the customer's data; {@code ifMatch} names the version the caller read (412 otherwise). The owner is
     * {@link OwnerAssignment}'s: only admin changes it (403 otherwise), absent keeps it.
     */
    @Transactional
    public CustomerView update(UUID id, CustomerInput in, String ifMatch, String who) {
        Customer c = customers.changeable(id);
        CustomerInput owned = owners.ofReplaced(in, c.ownerId);
        ETags.check(ifMatch, c.version);
        CustomerDraft draft = drafts.draft(owned);
        identity.requireUnique(drafts.applicant(draft, null), id);
        CustomerView before = profiles.view(c);
        Instant now = clock.instant();
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
        Instant now = clock.instant();
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
        Instant now = clock.instant();
        c.touch(now);
        events.statusChanged(c, from, "archived", now);
        audit.change(
                "customer",
                id,
                id,
                "ARCHIVE",
                java.util.Map.of("status", from.name()),
                reason == null || reason.isBlank()
                        ? java.util.Map.of("status", c.status.name())
                        : java.util.Map.of("status", c.status.name(), "reason", reason.trim()));
        Customer.flush();
        return profiles.view(c);
    }
}
