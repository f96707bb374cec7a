package io.rapport.contracts.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state of a customer as other services need it for their rules (event-carried state transfer), WITHOUT personal
 * data: no name, e-mail address, phone number, postal address, tag or other free text. Events stay in the topic for
 * its retention and are copied into dead-letter topics, where an erasure cannot reach them, so they must never carry
 * what an erasure has to remove. A consumer that needs contact details asks customer-service
 * ({@code GET /api/v1/customers/{id}}). Registered and updated events both carry it whole.
 *
 * @param locale the customer's language (e.g. en-GB)
 * @param ownerId the rep or team that owns the customer (an employee, not the customer)
 * @param referralCode the referral code the customer gave when joining (a loyalty code, not the customer's)
 * @param wallet estimated annual spend in our category; null when unknown
 * @param target true when the customer is flagged as a prospect we want a relationship with
 * @param consents channel (EMAIL, SMS, PHONE, POST) to granted
 * @param channelPreference channels in the customer's order of preference
 * @param contactDigests keyed one-way digests ({@code email:<b64url>}, {@code phone:<b64url>}) of the contact points:
 *        equal digests mean a shared contact point; the values cannot be recovered without customer-service's key
 */
public record CustomerSnapshot(
        String customerId,
        String kind,
        String status,
        String locale,
        String timeZone,
        String ownerId,
        String referralCode,
        Money wallet,
        boolean target,
        Map<String, Boolean> consents,
        boolean doNotContact,
        List<String> channelPreference,
        Instant createdAt,
        long version,
        List<String> contactDigests) {

    /** The names of the personal properties the released v1 schema declared and that are no longer sent. */
    public static final List<String> RETIRED_PERSONAL_FIELDS =
            List.of("displayName", "primaryEmail", "primaryPhone", "emails", "phones", "tags");
}
