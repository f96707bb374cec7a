package io.rapport.contracts.customer;

import java.time.Instant;

/**
 * A customer's status changed (ACTIVE, DORMANT, ARCHIVED, MERGED, ERASED). {@code reason} is a system code
 * (archived, new activity, merged into the survivor's id, erasure requested), never free text.
 */
public record CustomerStatusChanged(String customerId, String from, String to, String reason, Instant occurredAt) {}
