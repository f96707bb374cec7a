package io.rapport.segmentation.messaging;

import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** engagement.events: complaints opened count towards a customer's complaints. */
@ApplicationScoped
public class EngagementEventsConsumer {
    private final Inbox inbox;
    private final EventDispatcher dispatcher;

    public EngagementEventsConsumer(Inbox inbox, EventDispatcher dispatcher) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
    }

    @Incoming("engagement-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CustomerEventsConsumer.CONSUMER, record, dispatcher::apply);
    }
}
