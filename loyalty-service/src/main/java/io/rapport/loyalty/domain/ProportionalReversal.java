package io.rapport.loyalty.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points taken back on a refund: the share of the purchase refunded so far (capped at the whole
 * purchase) times the points earned on it, rounded half up, minus what earlier refunds already took
 * back. Working on the cumulative share keeps the sum of partial reversals equal to one whole reversal.
 */
public final class ProportionalReversal {
    private ProportionalReversal() {}

    /**
     * @param earned points earned on the purchase
     * @param purchaseTotal money of the purchase
     * @param refundedBefore money refunded by earlier refunds
     * @param refundNow money of this refund
     * @param reversedBefore points already taken back for this purchase
     */
    public static long pointsToReverse(
            long earned,
            BigDecimal purchaseTotal,
            BigDecimal refundedBefore,
            BigDecimal refundNow,
            long reversedBefore) {
        if (refundNow.signum() < 0 || refundedBefore.signum() < 0) {
            throw new IllegalArgumentException("refund amounts must not be negative");
        }
        if (purchaseTotal.signum() <= 0 || earned <= 0) {
            return 0;
        }
        BigDecimal refunded = refundedBefore.add(refundNow).min(purchaseTotal);
        long target = BigDecimal.valueOf(earned)
                .multiply(refunded)
                .divide(purchaseTotal, 0, RoundingMode.HALF_UP)
                .longValueExact();
        return Math.max(0, Math.min(earned, target) - reversedBefore);
    }

    /**
     * Whether a refund completes the refund of the whole purchase (flagged as a whole-order refund, or the money refunded
     * so far reaches the purchase total): then every point earned on it goes back, bonus lines included, whatever
     * rounding or line weights a proportional reversal would leave.
     */
    public static boolean whole(
            boolean wholeOrder, BigDecimal purchaseTotal, BigDecimal refundedBefore, BigDecimal refundNow) {
        return wholeOrder || refundedBefore.add(refundNow).compareTo(purchaseTotal) >= 0;
    }
}
