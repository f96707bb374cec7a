package io.rapport.customer.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored purchase with what has been refunded of each line. */
public record PurchaseView(
        UUID id,
        UUID customerId,
        String sourceSystem,
        String orderId,
        Instant occurredAt,
        String currency,
        String total,
        String costOfGoods,
        String refundedAmount,
        String channel,
        String store,
        List<Line> lines,
        Instant recordedAt) {

    public record Line(
            UUID lineId,
            int lineNo,
            String sku,
            String category,
            int quantity,
            String unitPrice,
            String unitCost,
            String lineTotal,
            int refundedQuantity,
            String refundedAmount) {}
}
