package io.rapport.contracts.customer;

import java.time.Instant;

/**
 * Two records were one person: {@code mergedId} was absorbed into {@code survivorId}. Published with
 * the merged id as subject (and key), so it follows every earlier event of the merged record.
 * Consumers move whatever they keep for the merged id to the survivor.
 */
public record CustomerMerged(String survivorId, String mergedId, String reason, String mergedBy, Instant occurredAt) {
}
