package io.rapport.loyalty.domain;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One tier of a programme as the tier rules see it.
 *
 * @param rank 0 for the entry tier, higher is better
 * @param threshold the qualifying figure (points earned or spend in the window) that reaches this tier
 * @param multiplier applied to the points earned by members of this tier
 * @param segmentClasses {@code SCHEME:CLASS} labels (e.g. {@code ABC:A}, {@code VALUE:MVC}) that reach this tier
 *        regardless of the figure
 */
public record TierRule(
        String code, int rank, BigDecimal threshold, BigDecimal multiplier, Set<String> segmentClasses) {}
