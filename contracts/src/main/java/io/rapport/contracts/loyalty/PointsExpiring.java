package io.rapport.contracts.loyalty;

import java.time.Instant;

/**
 * Warning sent a configurable number of days ahead: {@code points} of the member expire at {@code expiresAt}
 * (the earliest expiry date of the lots concerned) unless redeemed first.
 */
public record PointsExpiring(
        String memberId, String programmeId, String customerId, long points, Instant expiresAt, Instant occurredAt) {}
