package io.rapport.customer.service;

import io.rapport.customer.domain.InvalidValueException;
import io.rapport.customer.domain.Purchase;
import io.rapport.customer.domain.PurchaseLine;
import io.rapport.customer.domain.ValueRules;
import io.rapport.customer.model.PurchaseInput;
import io.rapport.platform.rest.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A checked, not yet stored purchase with its lines and totals (total = sum of quantity x unit price, cost of
 * goods = sum of quantity x unit cost). A purchase may not lie more than a day in the future.
 */
public record NewPurchase(Purchase purchase, List<PurchaseLine> lines) {

    public static NewPurchase of(UUID customerId, PurchaseInput in, Instant now) {
        String currency;
        try {
            currency = ValueRules.currency(in.currency());
        } catch (InvalidValueException e) {
            throw ProblemException.invalid("currency", e.getMessage());
        }
        if (in.occurredAt().isAfter(now.plusSeconds(86_400))) {
            throw ProblemException.unprocessable("purchase-in-future", "occurredAt", "must not be in the future");
        }
        Purchase p = new Purchase();
        p.id = UUID.randomUUID();
        p.customerId = customerId;
        p.sourceSystem = in.source();
        p.orderId = in.orderId().trim();
        p.occurredAt = in.occurredAt();
        p.currency = currency;
        p.channel = in.channel();
        p.store = in.store();
        p.recordedAt = now;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        List<PurchaseLine> lines = new ArrayList<>();
        for (int i = 0; i < in.lines().size(); i++) {
            PurchaseInput.Line l = in.lines().get(i);
            PurchaseLine line = new PurchaseLine();
            line.id = UUID.randomUUID();
            line.purchaseId = p.id;
            line.lineNo = i + 1;
            line.sku = l.sku().trim();
            line.category = l.category().trim();
            line.quantity = l.quantity();
            line.unitPrice = l.unitPrice();
            line.unitCost = l.unitCost() == null ? BigDecimal.ZERO : l.unitCost();
            line.refundedQuantity = 0;
            line.refundedAmount = BigDecimal.ZERO;
            BigDecimal q = BigDecimal.valueOf(l.quantity());
            total = total.add(line.unitPrice.multiply(q));
            cost = cost.add(line.unitCost.multiply(q));
            lines.add(line);
        }
        p.total = total;
        p.costOfGoods = cost;
        return new NewPurchase(p, lines);
    }
}
