package io.rapport.segmentation.domain;

import java.math.BigDecimal;

/**
 * The MVC / MGC cut-offs a VALUE run leaves behind: the smallest profit among its MVC and the smallest
 * potential among its MGC (null when the class was empty, which then admits nobody between runs).
 */
public record ValueThresholds(BigDecimal mvcMinimumProfit, BigDecimal mgcMinimumPotential) {

    /** BZ when profit is negative; MVC at or above the MVC minimum; MGC at or above the MGC minimum; else OTHER. */
    public String classify(BigDecimal profit, BigDecimal potential) {
        if (profit.signum() < 0) {
            return ValueRules.BZ;
        }
        if (profit.signum() > 0 && mvcMinimumProfit != null && profit.compareTo(mvcMinimumProfit) >= 0) {
            return ValueRules.MVC;
        }
        if (potential != null
                && potential.signum() > 0
                && mgcMinimumPotential != null
                && potential.compareTo(mgcMinimumPotential) >= 0) {
            return ValueRules.MGC;
        }
        return ValueRules.OTHER;
    }
}
