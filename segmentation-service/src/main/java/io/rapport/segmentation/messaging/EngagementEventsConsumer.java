package io.rapport.segmentation.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** engagement.events in batches: complaints opened count towards a customer's complaints; a {@link DelegatingConsumer}: the {@link EventDispatcher} applies the events. */
@ApplicationScoped
public class EngagementEventsConsumer extends DelegatingConsumer {
    public EngagementEventsConsumer(Inbox inbox, EventDispatcher dispatcher) {
        super(inbox, CustomerEventsConsumer.CONSUMER, Topics.ENGAGEMENT, dispatcher);
    }

    @Incoming("engagement-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
