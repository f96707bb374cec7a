package io.rapport.customer.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recorded refund; amounts in the purchase currency. */
public record RefundView(
        UUID id,
        UUID purchaseId,
        UUID customerId,
        String orderId,
        Instant occurredAt,
        String currency,
        String amount,
        String costOfGoods,
        boolean wholeOrder,
        String reason,
        List<Line> lines) {

    public record Line(UUID lineId, String sku, String category, int quantity, String amount, String costOfGoods) {}
}
