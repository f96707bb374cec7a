package io.rapport.loyalty.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * segmentation.events in batches, the platform's {@link DelegatingConsumer} shape: this class binds the channel, and
 * {@link SegmentationEventHandlers} applies each poll's new events in its one transaction.
 */
@ApplicationScoped
public class SegmentationEventsConsumer extends DelegatingConsumer {
    public SegmentationEventsConsumer(Inbox inbox, SegmentationEventHandlers handlers) {
        super(inbox, CustomerEventsConsumer.CONSUMER, Topics.SEGMENTATION, handlers);
    }

    @Incoming("segmentation-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
