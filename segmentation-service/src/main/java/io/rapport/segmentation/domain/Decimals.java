package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How segmentation writes decimals on the wire: plain decimal strings at a fixed scale, never exponent notation
 * ({@code 0E-24}, {@code 8.38E-7}) and never a database's working scale. Money (revenue, margin, profit, wallet,
 * potential, thresholds of money metrics) has {@value #MONEY_SCALE} decimals; ratios and fractions (share of wallet,
 * share of customers, margin index, percentile, support, confidence, lift, scores) have {@value #RATIO_SCALE}.
 * Rounding is half-even; null stays null (unknown).
 */
public final class Decimals {
    /** Decimals of money amounts: "1200.00". */
    public static final int MONEY_SCALE = 2;
    /** Decimals of ratios and fractions: "0.2375" (23.75%). */
    public static final int RATIO_SCALE = 4;

    private Decimals() {}

    public static String money(BigDecimal value) {
        return fixed(value, MONEY_SCALE);
    }

    public static String ratio(BigDecimal value) {
        return fixed(value, RATIO_SCALE);
    }

    /** An ABC metric's value: money for REVENUE and PROFIT, a whole number for VOLUME, a ratio for SCORE. */
    public static String metric(AbcMetric metric, BigDecimal value) {
        return switch (metric) {
            case REVENUE, PROFIT -> money(value);
            case VOLUME -> fixed(value, 0);
            case SCORE -> ratio(value);
        };
    }

    private static String fixed(BigDecimal value, int scale) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_EVEN);
        // -0.001 rounds to 0.00: written without a sign
        return (rounded.signum() == 0 ? BigDecimal.ZERO.setScale(scale) : rounded).toPlainString();
    }
}
