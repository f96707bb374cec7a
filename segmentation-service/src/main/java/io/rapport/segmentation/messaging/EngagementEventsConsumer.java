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

/** engagement.events in batches: complaints opened count towards a customer's complaints; the platform's {@link BatchConsumer} shape. */
@ApplicationScoped
public class EngagementEventsConsumer extends BatchConsumer {
    private final EventDispatcher dispatcher;

    public EngagementEventsConsumer(Inbox inbox, EventDispatcher dispatcher) {
        super(inbox, CustomerEventsConsumer.CONSUMER, Topics.ENGAGEMENT);
        this.dispatcher = dispatcher;
    }

    @Incoming("engagement-events")
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
