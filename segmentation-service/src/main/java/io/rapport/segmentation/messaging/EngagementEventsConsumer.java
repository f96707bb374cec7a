package io.rapport.segmentation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** engagement.events in batches: complaints opened count towards a customer's complaints; see {@link BatchConsumption}. */
@ApplicationScoped
public class EngagementEventsConsumer {
    private final BatchConsumption consumption;

    public EngagementEventsConsumer(BatchConsumption consumption) {
        this.consumption = consumption;
    }

    @Incoming("engagement-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consumption.consume(CustomerEventsConsumer.CONSUMER, records);
    }
}
