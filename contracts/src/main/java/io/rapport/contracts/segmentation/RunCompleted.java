package io.rapport.contracts.segmentation;

import java.time.Instant;
import java.util.Map;

/**
 * A classification run finished. Subject and key: the run id.
 *
 * @param counts customers per class label
 * @param concentration share of total value from the top 20% of customers, 0..1 as a decimal string
 */
public record RunCompleted(
        String runId,
        String scheme,
        long policyVersion,
        long customers,
        Map<String, Long> counts,
        String concentration,
        Instant startedAt,
        Instant completedAt) {}
