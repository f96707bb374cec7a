package io.rapport.customer.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out a refund against what is left of a purchase. Invariants: per line, the refunded quantity never
 * exceeds the bought quantity and the refunded money never exceeds quantity x unit price. A line refund
 * defaults to quantity x unit price (capped at what is left of the line's money); an explicit smaller
 * amount is a partial refund, and quantity 0 with an amount is a price adjustment. A whole-order refund
 * gives back everything still left. Cost of goods returned = refunded quantity x unit cost.
 */
public final class RefundPlan {

    /** A purchase line as stored: what was bought and what was already refunded. */
    public record LineState(
            UUID lineId,
            int quantity,
            int refundedQuantity,
            BigDecimal unitPrice,
            BigDecimal unitCost,
            BigDecimal refundedAmount) {

        int remainingQuantity() {
            return quantity - refundedQuantity;
        }

        BigDecimal remainingAmount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(refundedAmount);
        }
    }

    /** One requested line; {@code amount} null means quantity x unit price. */
    public record Requested(UUID lineId, int quantity, BigDecimal amount) {}

    /** One line of the refund to record. */
    public record Planned(UUID lineId, int quantity, BigDecimal amount, BigDecimal costOfGoods) {}

    /** The refund breaks a rule; {@code field} names the offending request field. */
    public static final class Rejected extends RuntimeException {
        private final String field;

        Rejected(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private RefundPlan() {}

    /** Everything still refundable of every line; rejected when nothing is left. */
    public static List<Planned> wholeOrder(List<LineState> lines) {
        List<Planned> planned = new ArrayList<>();
        for (LineState l : lines) {
            if (l.remainingQuantity() > 0 || l.remainingAmount().signum() > 0) {
                planned.add(new Planned(
                        l.lineId(), l.remainingQuantity(), l.remainingAmount(), cost(l, l.remainingQuantity())));
            }
        }
        if (planned.isEmpty()) {
            throw new Rejected("wholeOrder", "the purchase has already been refunded in full");
        }
        return planned;
    }

    /** The requested lines, each checked against what is left of it. */
    public static List<Planned> lines(List<LineState> lines, List<Requested> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new Rejected("lines", "name the lines to refund or set wholeOrder");
        }
        Map<UUID, LineState> byId = lines.stream().collect(Collectors.toMap(LineState::lineId, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            Requested r = requested.get(i);
            String at = "lines[" + i + "]";
            LineState l = byId.get(r.lineId());
            if (l == null) {
                throw new Rejected(at + ".lineId", "is not a line of this purchase");
            }
            if (!seen.add(r.lineId())) {
                throw new Rejected(at + ".lineId", "names a line twice");
            }
            if (r.quantity() < 0) {
                throw new Rejected(at + ".quantity", "must be 0 or more");
            }
            if (r.quantity() > l.remainingQuantity()) {
                throw new Rejected(
                        at + ".quantity",
                        "refunds " + r.quantity() + " but only " + l.remainingQuantity() + " of " + l.quantity()
                                + " bought are left to refund");
            }
            BigDecimal amount;
            if (r.amount() == null) {
                if (r.quantity() == 0) {
                    throw new Rejected(at + ".amount", "is required when quantity is 0");
                }
                amount =
                        l.unitPrice().multiply(BigDecimal.valueOf(r.quantity())).min(l.remainingAmount());
            } else {
                amount = r.amount();
                if (amount.signum() <= 0) {
                    throw new Rejected(at + ".amount", "must be more than 0");
                }
                if (amount.compareTo(l.remainingAmount()) > 0) {
                    throw new Rejected(
                            at + ".amount",
                            "refunds " + amount.toPlainString() + " but only "
                                    + l.remainingAmount().stripTrailingZeros().toPlainString()
                                    + " of the line is left to refund");
                }
            }
            planned.add(new Planned(l.lineId(), r.quantity(), amount, cost(l, r.quantity())));
        }
        return planned;
    }

    private static BigDecimal cost(LineState l, int quantity) {
        return l.unitCost().multiply(BigDecimal.valueOf(quantity));
    }
}
