package io.rapport.segmentation.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** engagement.events in batches: complaints opened count towards a customer's complaints; see {@link BatchConsumption}. */
@ApplicationScoped
public class EngagementEventsConsumer implements RedrivableConsumer {
    private final BatchConsumption consumption;
    private final EventDispatcher dispatcher;

    public EngagementEventsConsumer(BatchConsumption consumption, EventDispatcher dispatcher) {
        this.consumption = consumption;
        this.dispatcher = dispatcher;
    }

    @Incoming("engagement-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consumption.consume(CustomerEventsConsumer.CONSUMER, records);
    }

    @Override
    public String consumer() {
        return CustomerEventsConsumer.CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.ENGAGEMENT;
    }

    /** A redriven dead letter, as the record-by-record path applies it. */
    @Override
    public void apply(IncomingEvent event) {
        dispatcher.apply(event);
    }
}
