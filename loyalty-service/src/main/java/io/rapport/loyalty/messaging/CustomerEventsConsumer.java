package io.rapport.loyalty.messaging;

import io.rapport.loyalty.service.CustomerEventBatch;
import io.rapport.platform.inbox.DeadLetters;
import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes customer.events in batches (one consumer per partition, in order). A record that is not a readable
 * CloudEvent goes straight to the dead-letter topic; the rest of the poll is claimed in the inbox and applied in one
 * transaction ({@link Inbox#processBatch}, purchases set-based by {@link CustomerEventBatch}). If that fails, the
 * records are applied one by one through the inbox (retries), and a record that still fails goes to the dead-letter
 * topic while the others proceed.
 */
@ApplicationScoped
public class CustomerEventsConsumer {
    static final String CONSUMER = "loyalty";

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final CustomerEventHandlers handlers;
    private final CustomerEventBatch batch;

    public CustomerEventsConsumer(Inbox inbox, DeadLetters deadLetters, CustomerEventHandlers handlers, CustomerEventBatch batch) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.handlers = handlers;
        this.batch = batch;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        inbox.consume(CONSUMER, records, events -> batch.apply(events, handlers::apply), handlers::apply, deadLetters);
    }
}
