package io.rapport.segmentation.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events in batches (profiles, purchases, refunds, costs, merges, erasures): each poll in one transaction,
 * each record once (inbox); see {@link BatchConsumption}. A customer's events share a partition, read in order.
 */
@ApplicationScoped
public class CustomerEventsConsumer implements RedrivableConsumer {
    /** The inbox consumer name of both channels. */
    public static final String CONSUMER = "segmentation";

    private final BatchConsumption consumption;
    private final EventDispatcher dispatcher;

    public CustomerEventsConsumer(BatchConsumption consumption, EventDispatcher dispatcher) {
        this.consumption = consumption;
        this.dispatcher = dispatcher;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consumption.consume(CONSUMER, records);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.CUSTOMER;
    }

    /** A redriven dead letter, as the record-by-record path applies it. */
    @Override
    public void apply(IncomingEvent event) {
        dispatcher.apply(event);
    }
}
