package io.rapport.segmentation.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One class change: fromClass null for a first classification; value = ABC metric or profit at the time. */
public record ClassChange(
        long id,
        UUID customerId,
        String scheme,
        String fromClass,
        String toClass,
        long policyVersion,
        UUID runId,
        BigDecimal value,
        Instant changedAt) {}
