package io.rapport.contracts.loyalty;

import java.time.Instant;

/**
 * Points were debited from a member for a redemption.
 *
 * @param source REWARD, PARTNER or DIRECT
 * @param balance the member's balance after the debit (never negative)
 */
public record PointsRedeemed(
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
        Instant occurredAt) {}
