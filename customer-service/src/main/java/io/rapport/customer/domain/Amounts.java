package io.rapport.customer.domain;

import java.math.BigDecimal;

/** Money on the wire: a plain decimal string with at least two decimals and no trailing zeros beyond them. */
public final class Amounts {
    private Amounts() {}

    public static String format(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal s = amount.stripTrailingZeros();
        if (s.scale() < 2) {
            s = s.setScale(2);
        }
        return s.toPlainString();
    }
}
