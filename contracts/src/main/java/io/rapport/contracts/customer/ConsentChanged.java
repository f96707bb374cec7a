package io.rapport.contracts.customer;

import java.time.Instant;
import java.util.Map;

/**
 * A contact consent or the do-not-contact flag changed. How the decision was given (the free-text source) stays in
 * customer-service's consent history and is not sent.
 *
 * @param channel EMAIL, SMS, PHONE or POST; null when only do-not-contact changed
 * @param consents every channel's consent after the change
 */
public record ConsentChanged(
        String customerId,
        String channel,
        Boolean granted,
        Instant occurredAt,
        boolean doNotContact,
        Map<String, Boolean> consents) {}
