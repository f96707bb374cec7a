package io.rapport.customer.service;

import io.rapport.contracts.customer.ConsentChanged;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.customer.domain.Channel;
import io.rapport.customer.domain.ConsentDecision;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.model.ConsentInput;
import io.rapport.customer.model.ConsentsView;
import io.rapport.customer.model.DoNotContactInput;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Consent per channel with its full history. A decision older than the stored one is kept in the history
 * but does not replace the current decision (the most recent decision wins). Publishes ConsentChanged.
 */
@ApplicationScoped
public class ConsentService {
    private final Customers customers;
    private final ConsentStore store;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;

    public ConsentService(Customers customers, ConsentStore store, Outbox outbox, Audit audit, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.customers = customers;
        this.store = store;
        this.outbox = outbox;
    }

    @Transactional
    public ConsentsView decide(UUID id, Channel channel, ConsentInput in, String who) {
        Customer c = customers.changeable(id);
        Instant now = clock.instant();
        Instant decidedAt = in.occurredAt() == null ? now : in.occurredAt();
        if (decidedAt.isAfter(now.plusSeconds(300))) {
            throw ProblemException.unprocessable("decision-in-future", "occurredAt", "must not be in the future");
        }
        history(id, channel.name(), in.granted(), in.source(), decidedAt, now, who);
        Map<String, Boolean> before = store.asMap(store.current(id));
        store.decide(id, channel.name(), in.granted(), in.source().trim(), decidedAt);
        c.touch(now);
        Map<String, Boolean> after = store.asMap(store.current(id));
        outbox.publish(
                CustomerEvents.CONSENT_CHANGED,
                id,
                new ConsentChanged(id.toString(), channel.name(), in.granted(), decidedAt, c.doNotContact, after));
        audit.change(
                "consent",
                channel.name(),
                id,
                "DECIDE",
                Map.of("consents", before),
                Map.of("consents", after, "source", in.source().trim(), "decidedAt", decidedAt.toString()));
        return view(c);
    }

    @Transactional
    public ConsentsView doNotContact(UUID id, DoNotContactInput in, String who) {
        Customer c = customers.changeable(id);
        Instant now = clock.instant();
        history(id, null, !in.doNotContact(), in.source(), now, now, who);
        audit.change(
                "consent",
                "doNotContact",
                id,
                "DECIDE",
                Map.of("doNotContact", c.doNotContact),
                Map.of("doNotContact", in.doNotContact(), "source", in.source().trim()));
        c.doNotContact = in.doNotContact();
        c.touch(now);
        outbox.publish(
                CustomerEvents.CONSENT_CHANGED,
                id,
                new ConsentChanged(id.toString(), null, null, now, c.doNotContact, store.asMap(store.current(id))));
        return view(c);
    }

    public ConsentsView view(UUID id) {
        return view(customers.find(id));
    }

    private ConsentsView view(Customer c) {
        return new ConsentsView(
                c.id,
                store.current(c.id),
                c.doNotContact,
                c.channelPreferenceList().stream().map(Enum::name).toList(),
                ConsentDecision.ofCustomer(c.id).stream()
                        .map(d -> new ConsentsView.Decision(
                                d.channel, d.granted, d.source, d.decidedAt, d.recordedAt, d.recordedBy))
                        .toList());
    }

    private static void history(
            UUID id, String channel, boolean granted, String source, Instant decidedAt, Instant now, String who) {
        ConsentDecision d = new ConsentDecision();
        d.id = UUID.randomUUID();
        d.customerId = id;
        d.channel = channel;
        d.granted = granted;
        d.source = source.trim();
        d.decidedAt = decidedAt;
        d.recordedAt = now;
        d.recordedBy = who;
        d.persist();
    }
}
