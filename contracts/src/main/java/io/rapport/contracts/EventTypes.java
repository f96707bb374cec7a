package io.rapport.contracts;

import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.segmentation.SegmentationEvents;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every CloudEvent type Rapport publishes, gathered from each owning service's list. A breaking change
 * is a new type ({@code .v2}) added beside the old one, never an edit of an existing schema
 * (ContractsTest checks that schemas only change compatibly).
 */
public final class EventTypes {
    private EventTypes() {}

    public static List<EventType> all() {
        return Stream.of(CustomerEvents.ALL, SegmentationEvents.ALL, EngagementEvents.ALL, LoyaltyEvents.ALL)
                .flatMap(List::stream)
                .toList();
    }

    public static Optional<EventType> byName(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
