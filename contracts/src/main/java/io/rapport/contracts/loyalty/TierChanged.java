package io.rapport.contracts.loyalty;

import java.time.Instant;

/**
 * A member's tier changed. Upgrades happen at once; downgrades only at the end of the qualification period.
 *
 * @param fromTier the previous tier code, null for none
 * @param direction UP or DOWN
 * @param reason the qualifying figure that decided it, in words
 */
public record TierChanged(
        String memberId,
        String programmeId,
        String customerId,
        String fromTier,
        String toTier,
        String direction,
        String reason,
        Instant occurredAt) {}
