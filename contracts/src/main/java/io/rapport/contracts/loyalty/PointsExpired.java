package io.rapport.contracts.loyalty;

import java.time.Instant;

/** Points reached their expiry date and were removed, oldest lot first; {@code balance} is after the removal. */
public record PointsExpired(
        String entryId,
        String memberId,
        String programmeId,
        String customerId,
        long points,
        long balance,
        Instant occurredAt) {}
