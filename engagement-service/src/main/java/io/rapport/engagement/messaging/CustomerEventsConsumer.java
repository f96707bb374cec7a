package io.rapport.engagement.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events into the projection and the purchase follow-ups, the platform's {@link io.rapport.platform.inbox.BatchConsumer} shape:
 * a poll's new events are applied in one transaction with its purchases scheduled set-based
 * ({@link CustomerEventHandlers#applyAll}). A transient failure is retried until it passes (the channel waits); an
 * unreadable record, or one that can never be applied, is dead-lettered while the others proceed
 * ({@link io.rapport.platform.inbox.BatchConsumer}) and can be redriven through {@link #apply(io.rapport.platform.inbox.IncomingEvent)}. Records of one customer share a partition,
 * which one consumer reads in order.
 */
@ApplicationScoped
public class CustomerEventsConsumer extends DelegatingConsumer {
    static final String CONSUMER = "engagement";

    public CustomerEventsConsumer(Inbox inbox, CustomerEventHandlers handlers) {
        super(inbox, CONSUMER, Topics.CUSTOMER, handlers);
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
