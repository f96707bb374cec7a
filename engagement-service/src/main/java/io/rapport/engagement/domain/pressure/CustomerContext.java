package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Level;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the rules need to know about a customer.
 *
 * @param consents consent key (PHONE, EMAIL, SMS, POST) to granted; a missing key means not stated
 * @param complaintOpen the customer has at least one open complaint
 */
public record CustomerContext(ZoneId zone, Map<String, Boolean> consents, boolean doNotContact, boolean complaintOpen,
        Level level) {
}
