package io.rapport.contracts.customer;

import java.time.Instant;
import java.util.List;

/**
 * A purchase was recorded. {@code occurredAt} is when the customer bought (may be in the past for
 * imports); totals are decimal strings in {@code currency}.
 */
public record PurchaseRecorded(
        String purchaseId,
        String customerId,
        String sourceSystem,
        String orderId,
        Instant occurredAt,
        String currency,
        String total,
        String costOfGoods,
        String channel,
        String store,
        List<PurchaseLine> lines) {}
