package io.rapport.customer.service;

import io.quarkus.panache.common.Sort;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.customer.domain.Amounts;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.Purchase;
import io.rapport.customer.domain.PurchaseLine;
import io.rapport.customer.domain.Refund;
import io.rapport.customer.domain.RefundLine;
import io.rapport.customer.domain.RefundPlan;
import io.rapport.customer.model.PurchaseInput;
import io.rapport.customer.model.PurchaseView;
import io.rapport.customer.model.RefundInput;
import io.rapport.customer.model.RefundView;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Purchases and refunds, the raw material of customer value; each change publishes its event. */
@ApplicationScoped
public class PurchaseService {
    static final String REFUND_SCOPE = "refund";
    private static final Set<String> SORTABLE = Set.of("occurredAt", "recordedAt", "total");

    private final Customers customers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public PurchaseService(Customers customers, Outbox outbox, IdempotencyKeys idempotency, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    /** The outcome of recording: {@code replayed} when the order was already known (nothing stored, nothing published). */
    public record Recorded(PurchaseView purchase, boolean replayed) {}

    @Transactional
    public Recorded record(UUID customerId, PurchaseInput in) {
        Optional<Purchase> earlier = Purchase.byOrder(in.source(), in.orderId().trim());
        if (earlier.isPresent()) {
            Purchase p = earlier.get();
            Customer named = customers.find(customerId);
            if (!p.customerId.equals(customerId) && !p.customerId.equals(named.mergedInto)) {
                throw ProblemException.conflict(
                        "order-of-another-customer",
                        "order " + p.orderId + " of " + p.sourceSystem + " was recorded for another customer",
                        Map.of("purchaseId", p.id.toString()));
            }
            return new Recorded(PurchaseMapper.view(p, p.lines()), true);
        }
        Customer c = customers.changeable(customerId);
        Instant now = clock.instant();
        NewPurchase n = NewPurchase.of(customerId, in, now);
        n.purchase().persist();
        n.lines().forEach(l -> l.persist());
        customers.activity(c, n.purchase().occurredAt, now);
        Purchase.flush();
        outbox.publish(CustomerEvents.PURCHASE_RECORDED, customerId, PurchaseMapper.event(n.purchase(), n.lines()));
        return new Recorded(PurchaseMapper.view(n.purchase(), n.lines()), false);
    }

    public PurchaseView get(UUID customerId, UUID purchaseId) {
        Purchase p = owned(customerId, purchaseId, LockModeType.NONE);
        return PurchaseMapper.view(p, p.lines());
    }

    public Page<PurchaseView> list(UUID customerId, PageRequest page) {
        PageRequest.Sort sort = page.validate(SORTABLE, "occurredAt,desc");
        customers.find(customerId);
        var query = Purchase.<Purchase>find(
                "customerId",
                Sort.by(sort.field(), sort.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                        .and("id"),
                customerId);
        long total = query.count();
        List<Purchase> purchases = query.page(page.page, page.size).list();
        return Page.of(
                purchases.stream().map(p -> PurchaseMapper.view(p, p.lines())).toList(), page, total);
    }

    /** Refunds lines or the whole order; 422 when it would refund more than was bought or paid. */
    @Transactional
    public RefundView refund(UUID customerId, UUID purchaseId, RefundInput in, String idempotencyKey) {
        String scopedKey = idempotencyKey == null ? null : purchaseId + ":" + idempotencyKey;
        Optional<UUID> earlier = idempotency.find(REFUND_SCOPE, scopedKey);
        if (earlier.isPresent()) {
            return view(Refund.findById(earlier.get()));
        }
        Customer c = customers.changeable(customerId);
        Purchase p = owned(customerId, purchaseId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        Instant at = in.occurredAt() == null ? now : in.occurredAt();
        if (at.isBefore(p.occurredAt)) {
            throw ProblemException.unprocessable(
                    "refund-before-purchase", "occurredAt", "must not be before the purchase");
        }
        if (at.isAfter(now.plusSeconds(300))) {
            throw ProblemException.unprocessable("refund-in-future", "occurredAt", "must not be in the future");
        }
        List<PurchaseLine> lines = p.lines();
        List<RefundPlan.LineState> state = lines.stream()
                .map(l -> new RefundPlan.LineState(
                        l.id, l.quantity, l.refundedQuantity, l.unitPrice, l.unitCost, l.refundedAmount))
                .toList();
        List<RefundPlan.Planned> planned;
        try {
            planned = in.wholeOrder()
                    ? RefundPlan.wholeOrder(state)
                    : RefundPlan.lines(
                            state,
                            in.lines() == null
                                    ? List.of()
                                    : in.lines().stream()
                                            .map(l -> new RefundPlan.Requested(l.lineId(), l.quantity(), l.amount()))
                                            .toList());
        } catch (RefundPlan.Rejected e) {
            throw ProblemException.unprocessable("refund-exceeds-purchase", e.field(), e.getMessage());
        }
        Refund r = new Refund();
        r.id = UUID.randomUUID();
        r.purchaseId = p.id;
        r.customerId = customerId;
        r.occurredAt = at;
        r.wholeOrder = in.wholeOrder();
        r.reason = in.reason();
        r.recordedAt = now;
        r.amount = planned.stream().map(RefundPlan.Planned::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        r.costOfGoods = planned.stream().map(RefundPlan.Planned::costOfGoods).reduce(BigDecimal.ZERO, BigDecimal::add);
        r.persist();
        Map<UUID, PurchaseLine> byId = lines.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        for (RefundPlan.Planned pl : planned) {
            PurchaseLine line = byId.get(pl.lineId());
            line.refundedQuantity += pl.quantity();
            line.refundedAmount = line.refundedAmount.add(pl.amount());
            RefundLine rl = new RefundLine();
            rl.id = UUID.randomUUID();
            rl.refundId = r.id;
            rl.lineId = pl.lineId();
            rl.quantity = pl.quantity();
            rl.amount = pl.amount();
            rl.costOfGoods = pl.costOfGoods();
            rl.persist();
        }
        customers.activity(c, at, now);
        idempotency.remember(REFUND_SCOPE, scopedKey, r.id);
        RefundView view = view(r);
        outbox.publish(
                CustomerEvents.PURCHASE_REFUNDED,
                customerId,
                new PurchaseRefunded(
                        r.id.toString(),
                        p.id.toString(),
                        customerId.toString(),
                        p.orderId,
                        at,
                        p.currency,
                        view.amount(),
                        view.costOfGoods(),
                        r.wholeOrder,
                        view.lines().stream()
                                .map(l -> new io.rapport.contracts.customer.RefundLine(
                                        l.lineId().toString(),
                                        l.sku(),
                                        l.category(),
                                        l.quantity(),
                                        l.amount(),
                                        l.costOfGoods()))
                                .toList()));
        return view;
    }

    private RefundView view(Refund r) {
        Purchase p = Purchase.findById(r.purchaseId);
        Map<UUID, PurchaseLine> lines = p.lines().stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        List<RefundView.Line> out = new ArrayList<>();
        for (RefundLine rl : RefundLine.<RefundLine>list("refundId", r.id)) {
            PurchaseLine l = lines.get(rl.lineId);
            out.add(new RefundView.Line(
                    rl.lineId,
                    l.sku,
                    l.category,
                    rl.quantity,
                    Amounts.format(rl.amount),
                    Amounts.format(rl.costOfGoods)));
        }
        out.sort(java.util.Comparator.comparing(x -> lines.get(x.lineId()).lineNo));
        return new RefundView(
                r.id,
                r.purchaseId,
                r.customerId,
                p.orderId,
                r.occurredAt,
                p.currency,
                Amounts.format(r.amount),
                Amounts.format(r.costOfGoods),
                r.wholeOrder,
                r.reason,
                out);
    }

    private static Purchase owned(UUID customerId, UUID purchaseId, LockModeType lock) {
        Purchase p = Purchase.findById(purchaseId, lock);
        if (p == null || !p.customerId.equals(customerId)) {
            throw ProblemException.notFound("purchase", purchaseId);
        }
        return p;
    }
}
