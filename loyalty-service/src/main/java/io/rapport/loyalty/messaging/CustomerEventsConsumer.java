package io.rapport.loyalty.messaging;

import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes customer.events through the idempotent inbox; ordered per consumer (one per partition group). */
@ApplicationScoped
public class CustomerEventsConsumer {
    private final Inbox inbox;
    private final CustomerEventHandlers handlers;

    public CustomerEventsConsumer(Inbox inbox, CustomerEventHandlers handlers) {
        this.inbox = inbox;
        this.handlers = handlers;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process("loyalty", record, handlers::apply);
    }
}
