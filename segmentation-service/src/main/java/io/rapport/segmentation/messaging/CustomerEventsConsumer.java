package io.rapport.segmentation.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events in batches (profiles, purchases, refunds, costs, merges, erasures): each poll in one transaction,
 * each record once (inbox); a {@link DelegatingConsumer}: the {@link EventDispatcher} applies the events. A customer's events share a partition, read in order.
 */
@ApplicationScoped
public class CustomerEventsConsumer extends DelegatingConsumer {
    /** The inbox consumer name of both channels. */
    public static final String CONSUMER = "segmentation";

    public CustomerEventsConsumer(Inbox inbox, EventDispatcher dispatcher) {
        super(inbox, CONSUMER, Topics.CUSTOMER, dispatcher);
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
