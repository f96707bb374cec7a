package io.rapport.contracts.engagement;

import java.time.Instant;

/**
 * A contact was not made before it stopped being useful. {@code reason} says why, e.g. "not done before
 * expiry" or "first allowed slot 2026-06-01T07:00:00Z is after the expiry".
 */
public record ContactExpired(
        String contactId,
        String customerId,
        String channel,
        String purpose,
        Instant dueAt,
        Instant expiresAt,
        String reason,
        Instant expiredAt) {}
