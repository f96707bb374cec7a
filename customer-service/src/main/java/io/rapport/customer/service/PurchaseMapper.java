package io.rapport.customer.service;

import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.customer.domain.Amounts;
import io.rapport.customer.domain.Purchase;
import io.rapport.customer.model.PurchaseView;
import java.math.BigDecimal;
import java.util.List;

/** Purchases as API views and as PurchaseRecorded payloads. */
final class PurchaseMapper {
    private PurchaseMapper() {}

    static PurchaseView view(Purchase p, List<io.rapport.customer.domain.PurchaseLine> lines) {
        BigDecimal refunded = lines.stream().map(l -> l.refundedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PurchaseView(
                p.id,
                p.customerId,
                p.sourceSystem,
                p.orderId,
                p.occurredAt,
                p.currency,
                Amounts.format(p.total),
                Amounts.format(p.costOfGoods),
                Amounts.format(refunded),
                p.channel,
                p.store,
                lines.stream()
                        .map(l -> new PurchaseView.Line(
                                l.id,
                                l.lineNo,
                                l.sku,
                                l.category,
                                l.quantity,
                                Amounts.format(l.unitPrice),
                                Amounts.format(l.unitCost),
                                Amounts.format(l.unitPrice.multiply(BigDecimal.valueOf(l.quantity))),
                                l.refundedQuantity,
                                Amounts.format(l.refundedAmount)))
                        .toList(),
                p.recordedAt);
    }

    static PurchaseRecorded event(Purchase p, List<io.rapport.customer.domain.PurchaseLine> lines) {
        return new PurchaseRecorded(
                p.id.toString(),
                p.customerId.toString(),
                p.sourceSystem,
                p.orderId,
                p.occurredAt,
                p.currency,
                Amounts.format(p.total),
                Amounts.format(p.costOfGoods),
                p.channel,
                p.store,
                lines.stream()
                        .map(l -> new PurchaseLine(
                                l.id.toString(),
                                l.sku,
                                l.category,
                                l.quantity,
                                Amounts.format(l.unitPrice),
                                Amounts.format(l.unitCost),
                                Amounts.format(l.unitPrice.multiply(BigDecimal.valueOf(l.quantity)))))
                        .toList());
    }
}
