package io.rapport.segmentation.classification;

import java.math.BigDecimal;

/**
 * Per class of a run: customers, the smallest positive ranking value (ABC) or profit (MVC), the smallest
 * potential (MGC), summed revenue and gross margin, and the relationship level Kotler's matrix recommends.
 */
public record ClassStat(
        String label,
        long customers,
        BigDecimal minimumValue,
        BigDecimal minimumPotential,
        BigDecimal revenue,
        BigDecimal grossMargin,
        String recommendedLevel) {

    ClassStat withLevel(String level) {
        return new ClassStat(label, customers, minimumValue, minimumPotential, revenue, grossMargin, level);
    }
}
