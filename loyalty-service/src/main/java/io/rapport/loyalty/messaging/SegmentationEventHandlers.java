package io.rapport.loyalty.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.loyalty.service.SegmentHandler;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.Handles;
import io.rapport.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Applies segmentation.events a poll at a time ({@link io.rapport.platform.inbox.BatchConsumer}, bound by the platform's {@link io.rapport.platform.inbox.SegmentationEventsChannel}); only SegmentChanged has an effect, and only when no later
 * change of the same customer and scheme was applied already (a replay or a redrive: {@link EventOrder}).
 */
@ApplicationScoped
@Handles(Topics.SEGMENTATION)
public class SegmentationEventHandlers implements DelegatingConsumer.Handler {
    private final SegmentHandler segments;
    private final EventOrder order;

    public SegmentationEventHandlers(SegmentHandler segments, EventOrder order) {
        this.segments = segments;
        this.order = order;
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
