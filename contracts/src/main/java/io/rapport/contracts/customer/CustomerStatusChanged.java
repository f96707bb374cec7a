package io.rapport.contracts.customer;

import java.time.Instant;

/** A customer's status changed (ACTIVE, DORMANT, ARCHIVED, MERGED, ERASED). */
public record CustomerStatusChanged(String customerId, String from, String to, String reason, Instant occurredAt) {
}
