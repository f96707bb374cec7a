package io.rapport.loyalty.domain;

import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * The bounds of a partner redemption, checked in this order: the amount is a whole number of points in
 * [1, {@link #MAX_POINTS}], within the partner's limit per transaction, within the maximum the member's code allows,
 * and, with what the member already spent at this partner today (UTC), within the partner's daily limit per member.
 * Pure; the balance is checked afterwards by the ledger and never reported to the partner.
 */
public final class PartnerLimits {
    /** No request may move more points than this, whatever the limits say. */
    public static final long MAX_POINTS = 1_000_000_000L;

    public enum Verdict {
        OK,
        OVER_TRANSACTION_LIMIT,
        OVER_CODE_MAXIMUM,
        OVER_DAILY_LIMIT
    }

    private PartnerLimits() {}

    /** The whole number of points {@code value} stands for, if it is one in [1, MAX_POINTS]; empty otherwise. */
    public static OptionalLong points(BigDecimal value) {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(value.longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether {@code amount} is money in (0, max]. */
    public static boolean amount(BigDecimal amount, BigDecimal max) {
        return amount != null && amount.signum() > 0 && amount.compareTo(max) <= 0;
    }

    public static Verdict check(long points, long perTransaction, long codeMaximum, long perDay, long spentToday) {
        if (points > perTransaction) {
            return Verdict.OVER_TRANSACTION_LIMIT;
        }
        if (points > codeMaximum) {
            return Verdict.OVER_CODE_MAXIMUM;
        }
        if (spentToday + points > perDay) {
            return Verdict.OVER_DAILY_LIMIT;
        }
        return Verdict.OK;
    }
}
