package io.rapport.engagement.messaging;

import io.rapport.contracts.customer.ConsentChanged;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.engagement.service.CustomerProjectionService;
import io.rapport.engagement.service.Profiles;
import io.rapport.engagement.service.PlanTriggers;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * customer.events into the projection, exactly once per event id (the inbox). Purchases trigger the level's
 * plans; other types (status, refunds, costs) are recorded by the inbox and otherwise ignored.
 */
@ApplicationScoped
public class CustomerEventsConsumer {
    static final String CONSUMER = "engagement";

    private final Inbox inbox;
    private final CustomerProjectionService projection;
    private final Profiles profiles;
    private final PlanTriggers triggers;

    public CustomerEventsConsumer(Inbox inbox, CustomerProjectionService projection, Profiles profiles, PlanTriggers triggers) {
        this.inbox = inbox;
        this.projection = projection;
        this.profiles = profiles;
        this.triggers = triggers;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    void apply(IncomingEvent e) {
        String type = e.type();
        if (CustomerEvents.REGISTERED.name().equals(type)) {
            projection.snapshot(e.payload(CustomerRegistered.class).customer());
        } else if (CustomerEvents.UPDATED.name().equals(type)) {
            projection.snapshot(e.payload(CustomerUpdated.class).customer());
        } else if (CustomerEvents.CONSENT_CHANGED.name().equals(type)) {
            projection.consentChanged(e.payload(ConsentChanged.class));
        } else if (CustomerEvents.PURCHASE_RECORDED.name().equals(type)) {
            PurchaseRecorded p = e.payload(PurchaseRecorded.class);
            var profile = profiles.getOrStub(UUID.fromString(p.customerId()));
            if (!profile.erased && profile.mergedInto == null) {
                triggers.purchased(profile, p.purchaseId(), p.occurredAt() == null ? e.time() : p.occurredAt());
            }
        } else if (CustomerEvents.MERGED.name().equals(type)) {
            projection.merged(e.payload(CustomerMerged.class));
        } else if (CustomerEvents.ERASED.name().equals(type)) {
            projection.erased(UUID.fromString(e.payload(CustomerErased.class).customerId()));
        }
    }
}
