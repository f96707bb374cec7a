package io.rapport.contracts.loyalty;

import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import java.util.List;

/** Event types loyalty-service publishes on {@code loyalty.events}. */
public final class LoyaltyEvents {
    public static final List<EventType> ALL = List.of();

    private LoyaltyEvents() {
    }

    private static EventType of(String name, Class<?> payload) {
        return new EventType(name, Topics.LOYALTY, payload);
    }
}
