package io.rapport.contracts.customer;

import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import java.util.List;

/** Event types customer-service publishes on {@code customer.events}. */
public final class CustomerEvents {
    public static final EventType REGISTERED = of("rapport.customer.registered.v1", CustomerRegistered.class);
    public static final EventType UPDATED = of("rapport.customer.updated.v1", CustomerUpdated.class);
    public static final EventType CONSENT_CHANGED = of("rapport.customer.consent-changed.v1", ConsentChanged.class);
    public static final EventType STATUS_CHANGED =
            of("rapport.customer.status-changed.v1", CustomerStatusChanged.class);
    public static final EventType MERGED = of("rapport.customer.merged.v1", CustomerMerged.class);
    public static final EventType ERASED = of("rapport.customer.erased.v1", CustomerErased.class);
    public static final EventType PURCHASE_RECORDED =
            of("rapport.customer.purchase-recorded.v1", PurchaseRecorded.class);
    public static final EventType PURCHASE_REFUNDED =
            of("rapport.customer.purchase-refunded.v1", PurchaseRefunded.class);
    public static final EventType COST_RECORDED = of("rapport.customer.cost-recorded.v1", CostRecorded.class);

    public static final List<EventType> ALL = List.of(
            REGISTERED,
            UPDATED,
            CONSENT_CHANGED,
            STATUS_CHANGED,
            MERGED,
            ERASED,
            PURCHASE_RECORDED,
            PURCHASE_REFUNDED,
            COST_RECORDED);

    private CustomerEvents() {}

    private static EventType of(String name, Class<?> payload) {
        return new EventType(name, Topics.CUSTOMER, payload);
    }
}
