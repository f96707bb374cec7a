package io.rapport.loyalty.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events in batches, the platform's {@link io.rapport.platform.inbox.BatchConsumer} shape: each poll's new events in one transaction.
 * Consecutive purchases are booked as one run by {@link io.rapport.loyalty.earning.EarningPipeline} (load, decide, store set-based); every other
 * event (refunds, registrations, merges, erasures) is applied by {@link CustomerEventHandlers} at its place, so a
 * customer's events keep their order. A record that can never be applied is dead-lettered while the rest of the poll
 * applies, and can be redriven through {@link #apply(io.rapport.platform.inbox.IncomingEvent)}.
 */
@ApplicationScoped
public class CustomerEventsConsumer extends DelegatingConsumer {
    static final String CONSUMER = "loyalty";

    public CustomerEventsConsumer(Inbox inbox, CustomerEventHandlers handlers) {
        super(inbox, CONSUMER, Topics.CUSTOMER, handlers);
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
