package io.rapport.loyalty.messaging;

import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.loyalty.service.SegmentHandler;
import io.rapport.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes segmentation.events through the idempotent inbox; only SegmentChanged has an effect. */
@ApplicationScoped
public class SegmentationEventsConsumer {
    private final Inbox inbox;
    private final SegmentHandler segments;

    public SegmentationEventsConsumer(Inbox inbox, SegmentHandler segments) {
        this.inbox = inbox;
        this.segments = segments;
    }

    @Incoming("segmentation-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process("loyalty", record, event -> {
            if (SegmentationEvents.SEGMENT_CHANGED.name().equals(event.type())) {
                segments.changed(event.payload(SegmentChanged.class));
            }
        });
    }
}
