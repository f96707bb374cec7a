package io.rapport.segmentation.messaging;

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
 * customer.events in batches (profiles, purchases, refunds, costs, merges, erasures): each poll in one transaction,
 * each record once (inbox); the platform's {@link BatchConsumer} shape. A customer's events share a partition, read in order.
 */
@ApplicationScoped
public class CustomerEventsConsumer extends BatchConsumer {
    /** The inbox consumer name of both channels. */
    public static final String CONSUMER = "segmentation";

    private final EventDispatcher dispatcher;

    public CustomerEventsConsumer(Inbox inbox, EventDispatcher dispatcher) {
        super(inbox, CONSUMER, Topics.CUSTOMER);
        this.dispatcher = dispatcher;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }

    /** A poll's new events as one {@link EventBatch} (set-based), inside the inbox transaction. */
    @Override
    public void applyAll(List<IncomingEvent> events) {
        dispatcher.applyAll(events);
    }
}
