package io.rapport.loyalty.messaging;

import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes customer.events in batches (one consumer per partition, in order): a batch is applied in one
 * transaction; if that fails, record by record through the platform inbox (retries), and a record that still
 * fails goes to the dead-letter topic while the others proceed.
 */
@ApplicationScoped
public class CustomerEventsConsumer {
    static final String CONSUMER = "loyalty";

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final CustomerEventHandlers handlers;

    public CustomerEventsConsumer(Inbox inbox, DeadLetters deadLetters, CustomerEventHandlers handlers) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.handlers = handlers;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        if (inbox.processAll(CONSUMER, records, handlers::apply)) {
            return;
        }
        for (ConsumerRecord<String, String> record : records) {
            try {
                inbox.process(CONSUMER, record, handlers::apply);
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
            }
        }
    }
}
