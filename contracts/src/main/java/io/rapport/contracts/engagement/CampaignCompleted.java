package io.rapport.contracts.engagement;

import java.time.Instant;

/**
 * A campaign was closed, with its result. Subject and key: the campaign id. Rates are decimal strings
 * between 0 and 1; money amounts are decimal strings in {@code currency}.
 *
 * @param responseRate responses / contacts made
 * @param breakEvenRate cost per contact / margin per conversion: the response rate at which the campaign pays
 */
public record CampaignCompleted(
        String campaignId,
        String name,
        long targeted,
        long contacted,
        long responses,
        long conversions,
        String responseRate,
        String breakEvenRate,
        String totalCost,
        String currency,
        Instant completedAt) {}
