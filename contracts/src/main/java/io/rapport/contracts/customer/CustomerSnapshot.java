package io.rapport.contracts.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state of a customer as other services need it (event-carried state transfer): who they are,
 * how they may be contacted, their wallet. Registered and updated events both carry it whole.
 *
 * @param consents channel (EMAIL, SMS, PHONE, POST) to granted
 * @param channelPreference channels in the customer's order of preference
 * @param wallet estimated annual spend in our category; null when unknown
 * @param target true when the customer is flagged as a prospect we want a relationship with
 */
public record CustomerSnapshot(
        String customerId,
        String kind,
        String status,
        String displayName,
        String primaryEmail,
        String primaryPhone,
        List<String> emails,
        List<String> phones,
        String locale,
        String timeZone,
        String ownerId,
        List<String> tags,
        String referralCode,
        Money wallet,
        boolean target,
        Map<String, Boolean> consents,
        boolean doNotContact,
        List<String> channelPreference,
        Instant createdAt,
        long version) {
}
