package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Level;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the rules need to know about a customer.
 *
 * @param consents consent key (PHONE, EMAIL, SMS, POST) to granted; a missing key means not stated
 * @param complaintOpen the customer has at least one open complaint
 * @param preferredChannels the customer's channels in their order of preference (from customer events)
 */
public record CustomerContext(
        ZoneId zone,
        Map<String, Boolean> consents,
        boolean doNotContact,
        boolean complaintOpen,
        Level level,
        List<Channel> preferredChannels) {

    public CustomerContext {
        preferredChannels = preferredChannels == null ? List.of() : List.copyOf(preferredChannels);
    }

    /** A customer without a stated channel preference. */
    public CustomerContext(
            ZoneId zone, Map<String, Boolean> consents, boolean doNotContact, boolean complaintOpen, Level level) {
        this(zone, consents, doNotContact, complaintOpen, level, List.of());
    }
}
