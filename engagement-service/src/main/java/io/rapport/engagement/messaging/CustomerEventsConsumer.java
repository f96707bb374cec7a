package io.rapport.engagement.messaging;

import io.rapport.platform.inbox.DeadLetters;
import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events into the projection and the purchase follow-ups, exactly once per event id (the inbox), in batches:
 * a poll's new events are applied in one transaction with its purchases scheduled set-based
 * ({@link CustomerEventHandlers#applyAll}); an unreadable record, or one that still fails when the poll is applied
 * record by record, goes to customer.events.dlq while the others proceed ({@link Inbox#consume}). Records of one customer share a partition,
 * which one consumer reads in order.
 */
@ApplicationScoped
public class CustomerEventsConsumer {
    static final String CONSUMER = "engagement";

    private final Inbox inbox;
    private final CustomerEventHandlers handlers;
    private final DeadLetters deadLetters;

    public CustomerEventsConsumer(Inbox inbox, CustomerEventHandlers handlers, DeadLetters deadLetters) {
        this.inbox = inbox;
        this.handlers = handlers;
        this.deadLetters = deadLetters;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        inbox.consume(CONSUMER, records, handlers::applyAll, handlers::apply, deadLetters);
    }
}
