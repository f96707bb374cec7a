package io.rapport.contracts.loyalty;

import java.time.Instant;

/** A member redeemed a catalogue reward; {@code points} is what it cost. */
public record RewardRedeemed(
        String redemptionId,
        String rewardId,
        String rewardName,
        String memberId,
        String programmeId,
        String customerId,
        long points,
        Instant occurredAt) {}
