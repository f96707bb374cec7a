package io.rapport.contracts.segmentation;

import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import java.util.List;

/** Event types segmentation-service publishes on {@code segmentation.events}. */
public final class SegmentationEvents {
    public static final EventType SEGMENT_CHANGED = of("rapport.segmentation.segment-changed.v1", SegmentChanged.class);
    public static final EventType RUN_COMPLETED = of("rapport.segmentation.run-completed.v1", RunCompleted.class);

    public static final List<EventType> ALL = List.of(SEGMENT_CHANGED, RUN_COMPLETED);

    private SegmentationEvents() {}

    private static EventType of(String name, Class<?> payload) {
        return new EventType(name, Topics.SEGMENTATION, payload);
    }
}
