package io.rapport.engagement.domain;

import io.rapport.engagement.domain.pressure.CustomerContext;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What planning a purchase's follow-ups needs to know about the customer.
 *
 * @param reachable false for erased or merged-away customers: their purchases trigger nothing
 * @param value the customer's value score, copied onto each contact (the agenda sorts by it)
 */
public record FollowUpCustomer(
        UUID customerId, String ownerId, BigDecimal value, boolean reachable, CustomerContext context) {

    public Level level() {
        return context.level();
    }
}
