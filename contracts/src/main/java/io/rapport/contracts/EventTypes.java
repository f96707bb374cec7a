package io.rapport.contracts;

import io.rapport.contracts.customer.ConsentChanged;
import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerStatusChanged;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every CloudEvent type Rapport publishes. A breaking change is a new type ({@code .v2}) added beside
 * the old one, never an edit of an existing schema (ContractsTest checks schemas only change compatibly).
 */
public final class EventTypes {
    private static final List<EventType> REGISTRY = new ArrayList<>();

    public static final EventType CUSTOMER_REGISTERED = customer("rapport.customer.registered.v1", CustomerRegistered.class);
    public static final EventType CUSTOMER_UPDATED = customer("rapport.customer.updated.v1", CustomerUpdated.class);
    public static final EventType CUSTOMER_CONSENT_CHANGED = customer("rapport.customer.consent-changed.v1", ConsentChanged.class);
    public static final EventType CUSTOMER_STATUS_CHANGED = customer("rapport.customer.status-changed.v1", CustomerStatusChanged.class);
    public static final EventType CUSTOMER_MERGED = customer("rapport.customer.merged.v1", CustomerMerged.class);
    public static final EventType CUSTOMER_ERASED = customer("rapport.customer.erased.v1", CustomerErased.class);
    public static final EventType PURCHASE_RECORDED = customer("rapport.customer.purchase-recorded.v1", PurchaseRecorded.class);
    public static final EventType PURCHASE_REFUNDED = customer("rapport.customer.purchase-refunded.v1", PurchaseRefunded.class);
    public static final EventType COST_RECORDED = customer("rapport.customer.cost-recorded.v1", CostRecorded.class);

    private EventTypes() {
    }

    private static EventType customer(String name, Class<?> payload) {
        return register(new EventType(name, Topics.CUSTOMER, payload));
    }

    static EventType register(EventType type) {
        REGISTRY.add(type);
        return type;
    }

    public static List<EventType> all() {
        return Collections.unmodifiableList(REGISTRY);
    }

    public static Optional<EventType> byName(String name) {
        return REGISTRY.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
