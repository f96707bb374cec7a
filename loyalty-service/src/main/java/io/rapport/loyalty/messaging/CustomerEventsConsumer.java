package io.rapport.loyalty.messaging;

import io.rapport.contracts.Topics;
import io.rapport.loyalty.service.CustomerEventBatch;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes customer.events in batches (one consumer per partition, in order) through {@link Inbox#consume}. A record
 * that is not a readable CloudEvent is dead-lettered at once; the rest of the poll is claimed in the inbox and applied
 * in one transaction (purchases set-based by {@link CustomerEventBatch}). A transient failure (database unavailable,
 * lock, timeout) is retried until it passes, and the partition waits: no purchase is skipped. Any other failure sends
 * the records one by one through the inbox, and a record that can never be applied is dead-lettered while the others
 * proceed; it can be redriven through {@link #apply}.
 */
@ApplicationScoped
public class CustomerEventsConsumer implements RedrivableConsumer {
    static final String CONSUMER = "loyalty";

    private final Inbox inbox;
    private final CustomerEventHandlers handlers;
    private final CustomerEventBatch batch;

    public CustomerEventsConsumer(Inbox inbox, CustomerEventHandlers handlers, CustomerEventBatch batch) {
        this.inbox = inbox;
        this.handlers = handlers;
        this.batch = batch;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        inbox.consume(CONSUMER, records, events -> batch.apply(events, handlers::apply), handlers::apply);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.CUSTOMER;
    }

    @Override
    public void apply(IncomingEvent event) {
        handlers.apply(event);
    }
}
