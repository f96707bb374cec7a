package io.rapport.engagement.messaging;

import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.engagement.service.LevelService;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** segmentation.events: each SegmentChanged updates the customer's class, value and derived level. */
@ApplicationScoped
public class SegmentationEventsConsumer {
    private final Inbox inbox;
    private final LevelService levels;

    public SegmentationEventsConsumer(Inbox inbox, LevelService levels) {
        this.inbox = inbox;
        this.levels = levels;
    }

    @Incoming("segmentation-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CustomerEventsConsumer.CONSUMER, record, this::apply);
    }

    void apply(IncomingEvent e) {
        if (SegmentationEvents.SEGMENT_CHANGED.name().equals(e.type())) {
            SegmentChanged s = e.payload(SegmentChanged.class);
            if (s.customerId() != null && s.scheme() != null && s.toClass() != null) {
                levels.segmentChanged(s);
            }
        }
    }
}
