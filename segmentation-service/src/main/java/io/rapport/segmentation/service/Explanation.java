package io.rapport.segmentation.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Why a customer is in a class: the stored class, the policy rule, the customer's figures now, the
 * thresholds of the latest run and a sentence tying them together.
 */
public record Explanation(String scheme, String classLabel, Instant since, long policyVersion, UUID runId,
        String recommendedLevel, String rule, Map<String, String> figures, Map<String, String> thresholds, String reason) {
}
