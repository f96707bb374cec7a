package io.rapport.engagement.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.engagement.service.LevelService;
import io.rapport.engagement.service.Profiles;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.Handles;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.inbox.PollEventOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * segmentation.events: each SegmentChanged updates the customer's class, value and derived level, unless a later
 * change of the same customer and scheme was applied already (a replay or a redrive: {@link EventOrder}). A poll is one
 * inbox transaction ({@link io.rapport.platform.inbox.BatchConsumer}, bound by the platform's {@link io.rapport.platform.inbox.SegmentationEventsChannel}) whose reads are made once for all its events: which are newer than what was
 * applied ({@link PollEventOrder}, per scheme, in poll order) and the profiles they change ({@link Profiles#loadOrStub});
 * a poll that fails goes record by record through {@link #apply(IncomingEvent)}.
 */
@ApplicationScoped
@Handles(Topics.SEGMENTATION)
public class SegmentationEventHandlers implements DelegatingConsumer.Handler {
    private final LevelService levels;
    private final EventOrder order;
    private final PollEventOrder pollOrder;
    private final Profiles profiles;

    public SegmentationEventHandlers(
            LevelService levels, EventOrder order, PollEventOrder pollOrder, Profiles profiles) {
        this.levels = levels;
        this.order = order;
        this.pollOrder = pollOrder;
        this.profiles = profiles;
    }

    /** A poll's new events in record order, inside its inbox transaction. */
    @Override
    public void applyAll(List<IncomingEvent> events) {
        Map<IncomingEvent, SegmentChanged> changes = new IdentityHashMap<>();
        Map<String, List<IncomingEvent>> byScheme = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            SegmentChanged s = change(e);
            if (s != null) {
                changes.put(e, s);
                byScheme.computeIfAbsent(s.scheme(), k -> new ArrayList<>()).add(e);
            }
        }
        Set<IncomingEvent> newest = Collections.newSetFromMap(new IdentityHashMap<>());
        byScheme.forEach((scheme, ofScheme) -> newest.addAll(pollOrder.newest(projection(scheme), ofScheme)));
        Set<UUID> customers = new LinkedHashSet<>();
        for (IncomingEvent e : events) {
            if (newest.contains(e)) {
                customers.add(UUID.fromString(changes.get(e).customerId()));
            }
        }
        profiles.loadOrStub(customers);
        for (IncomingEvent e : events) {
            if (newest.contains(e)) {
                levels.segmentChanged(changes.get(e));
            }
        }
    }

    /** The event's SegmentChanged when it is one the projection applies (null otherwise). */
    private static SegmentChanged change(IncomingEvent e) {
        if (!SegmentationEvents.SEGMENT_CHANGED.name().equals(e.type())) {
            return null;
        }
        SegmentChanged s = e.payload(SegmentChanged.class);
        if (s.customerId() == null || s.scheme() == null || s.toClass() == null) {
            return null;
        }
        UUID.fromString(s.customerId()); // an id that does not read fails here, as it would in segmentChanged
        return s;
    }

    private static String projection(String scheme) {
        return "segment:" + scheme;
    }

    @Override
    public void apply(IncomingEvent e) {
        SegmentChanged s = change(e);
        if (s != null && order.isNewest(projection(s.scheme()), e)) {
            levels.segmentChanged(s);
        }
    }
}
