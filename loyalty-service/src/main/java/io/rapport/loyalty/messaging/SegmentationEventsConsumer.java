package io.rapport.loyalty.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.loyalty.service.SegmentHandler;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes segmentation.events through the idempotent inbox; only SegmentChanged has an effect, and only when no later
 * change of the same customer and scheme was applied already (a replay or a redrive: {@link EventOrder}).
 */
@ApplicationScoped
public class SegmentationEventsConsumer implements RedrivableConsumer {
    private final Inbox inbox;
    private final SegmentHandler segments;
    private final EventOrder order;

    public SegmentationEventsConsumer(Inbox inbox, SegmentHandler segments, EventOrder order) {
        this.inbox = inbox;
        this.segments = segments;
        this.order = order;
    }

    @Incoming("segmentation-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(consumer(), record, this::apply);
    }

    @Override
    public String consumer() {
        return CustomerEventsConsumer.CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.SEGMENTATION;
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
