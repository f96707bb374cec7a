package io.rapport.contracts.segmentation;

import java.time.Instant;
import java.util.Map;

/**
 * A customer's class in one scheme really changed (never published when it stays the same).
 *
 * @param scheme ABC or VALUE (the MVC/MGC/BZ scheme)
 * @param fromClass the previous class label, null for the first classification
 * @param toClass the new class label (e.g. A, B, C or MVC, MGC, BZ, OTHER)
 * @param runId the run that produced it; null when it came from an event between runs
 * @param recommendedLevel the relationship level Kotler's matrix recommends for the new class
 *        (BASIC, REACTIVE, ACCOUNTABLE, PROACTIVE, PARTNERSHIP)
 * @param figures the figures behind the decision, as decimal strings (e.g. value, profit, potential)
 */
public record SegmentChanged(
        String customerId,
        String scheme,
        String fromClass,
        String toClass,
        long policyVersion,
        String runId,
        String recommendedLevel,
        Map<String, String> figures,
        Instant occurredAt) {}
