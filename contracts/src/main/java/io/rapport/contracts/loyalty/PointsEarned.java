package io.rapport.contracts.loyalty;

import java.time.Instant;

/**
 * Points were credited to a member.
 *
 * @param source PURCHASE, PARTNER, REFERRAL or ADJUSTMENT
 * @param sourceKey the unique key of the source fact (a replay of the same fact credits nothing)
 * @param balance the member's balance after the credit
 * @param partnerId the alliance partner that credited the points, null otherwise
 * @param expiresAt when these points expire unless used first, null when the programme's points never expire
 */
public record PointsEarned(
        String entryId,
        String memberId,
        String programmeId,
        String customerId,
        long points,
        long balance,
        String source,
        String sourceKey,
        String reason,
        String partnerId,
        Instant expiresAt,
        Instant occurredAt) {}
