package io.rapport.contracts.customer;

import java.time.Instant;

/**
 * Two records were one person: {@code mergedId} was absorbed into {@code survivorId}. Published with
 * the merged id as subject (and key), so it follows every earlier event of the merged record.
 * Consumers move whatever they keep for the merged id to the survivor. The free-text reason is not sent
 * (it may name the person); customer-service keeps it in its audit trail.
 *
 * @param mergedBy the employee (subject) who merged the records
 */
public record CustomerMerged(String survivorId, String mergedId, String mergedBy, Instant occurredAt) {}
