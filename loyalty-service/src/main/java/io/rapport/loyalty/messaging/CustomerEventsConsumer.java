package io.rapport.loyalty.messaging;

import io.rapport.contracts.Topics;
import io.rapport.loyalty.earning.EarningPipeline;
import io.rapport.platform.inbox.BatchConsumer;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events in batches, the platform's {@link BatchConsumer} shape: each poll's new events in one transaction.
 * Consecutive purchases are booked as one run by {@link EarningPipeline} (load, decide, store set-based); every other
 * event (refunds, registrations, merges, erasures) is applied by {@link CustomerEventHandlers} at its place, so a
 * customer's events keep their order. A record that can never be applied is dead-lettered while the rest of the poll
 * applies, and can be redriven through {@link #apply}.
 */
@ApplicationScoped
public class CustomerEventsConsumer extends BatchConsumer {
    static final String CONSUMER = "loyalty";

    private final CustomerEventHandlers handlers;
    private final EarningPipeline earning;

    public CustomerEventsConsumer(Inbox inbox, CustomerEventHandlers handlers, EarningPipeline earning) {
        super(inbox, CONSUMER, Topics.CUSTOMER);
        this.handlers = handlers;
        this.earning = earning;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Override
    public void applyAll(List<IncomingEvent> events) {
        handlers.applyAll(events);
    }

    @Override
    public void apply(IncomingEvent event) {
        handlers.apply(event);
    }
}
