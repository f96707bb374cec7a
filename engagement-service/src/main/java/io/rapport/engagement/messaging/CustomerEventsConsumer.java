package io.rapport.engagement.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.BatchConsumer;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events into the projection and the purchase follow-ups, the platform's {@link BatchConsumer} shape:
 * a poll's new events are applied in one transaction with its purchases scheduled set-based
 * ({@link CustomerEventHandlers#applyAll}). A transient failure is retried until it passes (the channel waits); an
 * unreadable record, or one that can never be applied, is dead-lettered while the others proceed
 * ({@link BatchConsumer}) and can be redriven through {@link #apply}. Records of one customer share a partition,
 * which one consumer reads in order.
 */
@ApplicationScoped
public class CustomerEventsConsumer extends BatchConsumer {
    static final String CONSUMER = "engagement";

    private final CustomerEventHandlers handlers;

    public CustomerEventsConsumer(Inbox inbox, CustomerEventHandlers handlers) {
        super(inbox, CONSUMER, Topics.CUSTOMER);
        this.handlers = handlers;
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
