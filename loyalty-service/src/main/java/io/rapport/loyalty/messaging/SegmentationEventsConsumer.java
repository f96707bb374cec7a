package io.rapport.loyalty.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.loyalty.service.SegmentHandler;
import io.rapport.platform.inbox.BatchConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes segmentation.events in batches ({@link BatchConsumer}); only SegmentChanged has an effect, and only when no later
 * change of the same customer and scheme was applied already (a replay or a redrive: {@link EventOrder}).
 */
@ApplicationScoped
public class SegmentationEventsConsumer extends BatchConsumer {
    private final SegmentHandler segments;
    private final EventOrder order;

    public SegmentationEventsConsumer(Inbox inbox, SegmentHandler segments, EventOrder order) {
        super(inbox, CustomerEventsConsumer.CONSUMER, Topics.SEGMENTATION);
        this.segments = segments;
        this.order = order;
    }

    @Incoming("segmentation-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }

    /** Segment changes are rare and each re-evaluates one member: applied one after the other, in one transaction. */
    @Override
    public void applyAll(List<IncomingEvent> events) {
        events.forEach(this::apply);
    }

    @Override
    public void apply(IncomingEvent event) {
        if (SegmentationEvents.SEGMENT_CHANGED.name().equals(event.type())) {
            SegmentChanged s = event.payload(SegmentChanged.class);
            if (order.isNewest("segment:" + s.scheme(), event)) {
                segments.changed(s);
            }
        }
    }
}
