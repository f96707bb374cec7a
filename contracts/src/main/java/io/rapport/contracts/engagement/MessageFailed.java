package io.rapport.contracts.engagement;

import java.time.Instant;

/**
 * A contact's message was not delivered and will not be tried again.
 *
 * @param failure a system code: BOUNCED (the relay refused the recipient for good), REJECTED (refused for another
 *        permanent reason), RETRIES_EXHAUSTED (the relay stayed unreachable), UNKNOWN_OUTCOME (the outcome of an attempt
 *        is unknown, so it is not repeated: at most once), NO_RECIPIENT (no address or number on record), NOT_ALLOWED
 *        (consent or do-not-contact refused it at send time),
 *        EXPIRED (the contact's validity ended before the message could go)
 * @param statusCode the SMTP reply code or the provider's HTTP status, null when none came back
 * @param attempts the attempts made
 */
public record MessageFailed(
        String contactId,
        String customerId,
        String channel,
        String purpose,
        String failure,
        Integer statusCode,
        int attempts,
        Instant failedAt) {}
