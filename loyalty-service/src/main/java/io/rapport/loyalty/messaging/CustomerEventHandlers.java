package io.rapport.loyalty.messaging;

import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.loyalty.earning.EarningPipeline;
import io.rapport.loyalty.service.CustomerLifecycle;
import io.rapport.loyalty.service.PurchaseRefunds;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Maps customer events to their effect; runs inside the inbox transaction. Other types are ignored. A profile snapshot
 * older than the last one applied for the customer (a replay or a redrive) is skipped ({@link EventOrder}).
 */
@ApplicationScoped
public class CustomerEventHandlers {
    static final String PROFILE = "customer-profile";

    private final EarningPipeline earning;
    private final PurchaseRefunds refunds;
    private final CustomerLifecycle lifecycle;
    private final EventOrder order;

    public CustomerEventHandlers(
            EarningPipeline earning, PurchaseRefunds refunds, CustomerLifecycle lifecycle, EventOrder order) {
        this.earning = earning;
        this.refunds = refunds;
        this.lifecycle = lifecycle;
        this.order = order;
    }

    public void apply(IncomingEvent event) {
        String type = event.type();
        if (CustomerEvents.PURCHASE_RECORDED.name().equals(type)) {
            earning.recorded(event.payload(PurchaseRecorded.class));
        } else if (CustomerEvents.PURCHASE_REFUNDED.name().equals(type)) {
            refunds.refunded(event.payload(PurchaseRefunded.class));
        } else if (CustomerEvents.REGISTERED.name().equals(type)) {
            CustomerRegistered r = event.payload(CustomerRegistered.class);
            lifecycle.snapshot(r.customer(), true, order.isNewest(PROFILE, event));
        } else if (CustomerEvents.UPDATED.name().equals(type)) {
            CustomerUpdated u = event.payload(CustomerUpdated.class);
            if (order.isNewest(PROFILE, event)) {
                lifecycle.snapshot(u.customer(), false);
            }
        } else if (CustomerEvents.MERGED.name().equals(type)) {
            CustomerMerged m = event.payload(CustomerMerged.class);
            lifecycle.merged(UUID.fromString(m.survivorId()), UUID.fromString(m.mergedId()));
        } else if (CustomerEvents.ERASED.name().equals(type)) {
            lifecycle.erased(UUID.fromString(event.payload(CustomerErased.class).customerId()));
        }
    }
}
