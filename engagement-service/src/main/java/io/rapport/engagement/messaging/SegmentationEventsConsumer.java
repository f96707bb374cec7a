package io.rapport.engagement.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.engagement.service.LevelService;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * segmentation.events: each SegmentChanged updates the customer's class, value and derived level, unless a later
 * change of the same customer and scheme was applied already (a replay or a redrive: {@link EventOrder}).
 */
@ApplicationScoped
public class SegmentationEventsConsumer implements RedrivableConsumer {
    private final Inbox inbox;
    private final LevelService levels;
    private final EventOrder order;

    public SegmentationEventsConsumer(Inbox inbox, LevelService levels, EventOrder order) {
        this.inbox = inbox;
        this.levels = levels;
        this.order = order;
    }

    @Incoming("segmentation-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CustomerEventsConsumer.CONSUMER, record, this::apply);
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
    public void apply(IncomingEvent e) {
        if (SegmentationEvents.SEGMENT_CHANGED.name().equals(e.type())) {
            SegmentChanged s = e.payload(SegmentChanged.class);
            if (s.customerId() != null && s.scheme() != null && s.toClass() != null
                    && order.isNewest("segment:" + s.scheme(), e)) {
                levels.segmentChanged(s);
            }
        }
    }
}
