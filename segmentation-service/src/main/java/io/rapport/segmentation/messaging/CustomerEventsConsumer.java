package io.rapport.segmentation.messaging;

import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** customer.events: profiles, purchases, refunds, costs, merges, erasures; each record once (inbox). */
@ApplicationScoped
public class CustomerEventsConsumer {
    /** The inbox consumer name of both channels. */
    public static final String CONSUMER = "segmentation";

    private final Inbox inbox;
    private final EventDispatcher dispatcher;

    public CustomerEventsConsumer(Inbox inbox, EventDispatcher dispatcher) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, dispatcher::apply);
    }
}
