package io.rapport.segmentation.classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored run. {@code concentration}: share (0..1) of the total positive value held by the top 20% of
 * customers. {@code pareto}: 100 points, point k = share of value held by the top k% of customers.
 * {@code maxima}: largest value per SCORE figure (ABC with SCORE only).
 */
public record RunSummary(
        UUID runId,
        String scheme,
        long policyVersion,
        String trigger,
        Instant startedAt,
        Instant completedAt,
        LocalDate windowStart,
        long customers,
        long changed,
        BigDecimal totalValue,
        BigDecimal concentration,
        Map<String, Long> counts,
        List<ClassStat> classes,
        Map<String, BigDecimal> maxima,
        List<BigDecimal> pareto) {}
