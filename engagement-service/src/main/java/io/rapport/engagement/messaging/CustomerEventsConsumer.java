package io.rapport.engagement.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events into the projection and the purchase follow-ups, exactly once per event id (the inbox), in batches:
 * a poll's new events are applied in one transaction with its purchases scheduled set-based
 * ({@link CustomerEventHandlers#applyAll}). A transient failure is retried until it passes (the channel waits); an
 * unreadable record, or one that can never be applied, is dead-lettered while the others proceed
 * ({@link Inbox#consume}) and can be redriven through {@link #apply}. Records of one customer share a partition,
 * which one consumer reads in order.
 */
@ApplicationScoped
public class CustomerEventsConsumer implements RedrivableConsumer {
    static final String CONSUMER = "engagement";

    private final Inbox inbox;
    private final CustomerEventHandlers handlers;

    public CustomerEventsConsumer(Inbox inbox, CustomerEventHandlers handlers) {
        this.inbox = inbox;
        this.handlers = handlers;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        inbox.consume(CONSUMER, records, handlers::applyAll, handlers::apply);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.CUSTOMER;
    }

    @Override
    public void apply(IncomingEvent event) {
        handlers.apply(event);
    }
}
