package io.rapport.contracts.engagement;

import java.time.Instant;

/** A rep attempted a contact but did not reach the customer (outcome e.g. NO_ANSWER, WRONG_NUMBER). */
public record ContactMissed(
        String contactId, String customerId, String channel, String purpose, String outcome, Instant missedAt) {}
