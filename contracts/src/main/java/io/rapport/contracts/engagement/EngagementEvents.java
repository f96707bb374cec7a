package io.rapport.contracts.engagement;

import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import java.util.List;

/** Event types engagement-service publishes on {@code engagement.events}. */
public final class EngagementEvents {
    public static final EventType COMPLAINT_OPENED = of("rapport.engagement.complaint-opened.v1", ComplaintOpened.class);
    public static final EventType COMPLAINT_RESOLVED = of("rapport.engagement.complaint-resolved.v1", ComplaintResolved.class);

    public static final List<EventType> ALL = List.of(COMPLAINT_OPENED, COMPLAINT_RESOLVED);

    private EngagementEvents() {
    }

    private static EventType of(String name, Class<?> payload) {
        return new EventType(name, Topics.ENGAGEMENT, payload);
    }
}
