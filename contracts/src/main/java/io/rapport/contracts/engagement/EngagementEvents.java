package io.rapport.contracts.engagement;

import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import java.util.List;

/** Event types engagement-service publishes on {@code engagement.events}. */
public final class EngagementEvents {
    public static final EventType COMPLAINT_OPENED =
            of("rapport.engagement.complaint-opened.v1", ComplaintOpened.class);
    public static final EventType COMPLAINT_RESOLVED =
            of("rapport.engagement.complaint-resolved.v1", ComplaintResolved.class);
    public static final EventType COMPLAINT_ESCALATED =
            of("rapport.engagement.complaint-escalated.v1", ComplaintEscalated.class);

    public static final EventType CONTACT_SCHEDULED =
            of("rapport.engagement.contact-scheduled.v1", ContactScheduled.class);
    public static final EventType CONTACT_COMPLETED =
            of("rapport.engagement.contact-completed.v1", ContactCompleted.class);
    public static final EventType CONTACT_MISSED = of("rapport.engagement.contact-missed.v1", ContactMissed.class);
    public static final EventType CONTACT_EXPIRED = of("rapport.engagement.contact-expired.v1", ContactExpired.class);
    public static final EventType CAMPAIGN_COMPLETED =
            of("rapport.engagement.campaign-completed.v1", CampaignCompleted.class);

    public static final EventType MESSAGE_SENT = of("rapport.engagement.message-sent.v1", MessageSent.class);
    public static final EventType MESSAGE_FAILED = of("rapport.engagement.message-failed.v1", MessageFailed.class);
    public static final EventType UNSUBSCRIBED = of("rapport.engagement.unsubscribed.v1", Unsubscribed.class);

    public static final List<EventType> ALL = List.of(
            COMPLAINT_OPENED,
            COMPLAINT_RESOLVED,
            CONTACT_SCHEDULED,
            CONTACT_COMPLETED,
            CONTACT_MISSED,
            CONTACT_EXPIRED,
            CAMPAIGN_COMPLETED,
            COMPLAINT_ESCALATED,
            MESSAGE_SENT,
            MESSAGE_FAILED,
            UNSUBSCRIBED);

    private EngagementEvents() {}

    private static EventType of(String name, Class<?> payload) {
        return new EventType(name, Topics.ENGAGEMENT, payload);
    }
}
