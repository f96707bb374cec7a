package io.rapport.customer.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The current consents, the do-not-contact flag, the channel preference order and every decision ever recorded. */
public record ConsentsView(
        UUID customerId,
        List<CustomerView.ConsentView> consents,
        boolean doNotContact,
        List<String> channelPreference,
        List<Decision> history) {

    /** A recorded decision; {@code channel} null is a do-not-contact change ({@code granted} false = do not contact). */
    public record Decision(
            String channel, boolean granted, String source, Instant decidedAt, Instant recordedAt, String recordedBy) {}
}
