package io.rapport.segmentation.messaging;

import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.contracts.engagement.ComplaintOpened;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.segmentation.service.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Routes the customer and engagement events segmentation keeps facts from; every other type is ignored. */
@ApplicationScoped
public class EventDispatcher {
    private final ProfileService profiles;

    public EventDispatcher(ProfileService profiles) {
        this.profiles = profiles;
    }

    public void apply(IncomingEvent event) {
        String type = event.type();
        if (type.equals(CustomerEvents.REGISTERED.name())) {
            profiles.snapshot(event.payload(CustomerRegistered.class).customer());
        } else if (type.equals(CustomerEvents.UPDATED.name())) {
            profiles.snapshot(event.payload(CustomerUpdated.class).customer());
        } else if (type.equals(CustomerEvents.PURCHASE_RECORDED.name())) {
            profiles.purchase(event.payload(PurchaseRecorded.class));
        } else if (type.equals(CustomerEvents.PURCHASE_REFUNDED.name())) {
            profiles.refund(event.payload(PurchaseRefunded.class));
        } else if (type.equals(CustomerEvents.COST_RECORDED.name())) {
            profiles.cost(event.payload(CostRecorded.class));
        } else if (type.equals(CustomerEvents.MERGED.name())) {
            profiles.merged(event.payload(CustomerMerged.class));
        } else if (type.equals(CustomerEvents.ERASED.name())) {
            profiles.erased(UUID.fromString(event.payload(CustomerErased.class).customerId()));
        } else if (type.equals(EngagementEvents.COMPLAINT_OPENED.name())) {
            profiles.complaint(event.payload(ComplaintOpened.class));
        }
    }
}
