package io.rapport.segmentation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events in batches (profiles, purchases, refunds, costs, merges, erasures): each poll in one transaction,
 * each record once (inbox); see {@link BatchConsumption}. A customer's events share a partition, read in order.
 */
@ApplicationScoped
public class CustomerEventsConsumer {
    /** The inbox consumer name of both channels. */
    public static final String CONSUMER = "segmentation";

    private final BatchConsumption consumption;

    public CustomerEventsConsumer(BatchConsumption consumption) {
        this.consumption = consumption;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consumption.consume(CONSUMER, records);
    }
}
