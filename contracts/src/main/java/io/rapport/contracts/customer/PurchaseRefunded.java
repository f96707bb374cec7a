package io.rapport.contracts.customer;

import java.time.Instant;
import java.util.List;

/** Part or all of a purchase was refunded. {@code amount} is the money given back. */
public record PurchaseRefunded(
        String refundId,
        String purchaseId,
        String customerId,
        String orderId,
        Instant occurredAt,
        String currency,
        String amount,
        String costOfGoods,
        boolean wholeOrder,
        List<RefundLine> lines) {}
