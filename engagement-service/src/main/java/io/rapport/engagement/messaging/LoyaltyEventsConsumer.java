package io.rapport.engagement.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.MemberEnrolled;
import io.rapport.contracts.loyalty.MemberLeft;
import io.rapport.contracts.loyalty.PointsEarned;
import io.rapport.contracts.loyalty.PointsExpired;
import io.rapport.contracts.loyalty.PointsRedeemed;
import io.rapport.contracts.loyalty.TierChanged;
import io.rapport.engagement.outreach.LoyaltyStanding;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * loyalty.events: keeps each customer's balance and tier per programme for message templates (LoyaltyStanding),
 * skipping an event older than one already applied for the customer.
 */
@ApplicationScoped
public class LoyaltyEventsConsumer implements RedrivableConsumer {
    private final Inbox inbox;
    private final LoyaltyStanding standing;
    private final EventOrder order;

    public LoyaltyEventsConsumer(Inbox inbox, LoyaltyStanding standing, EventOrder order) {
        this.inbox = inbox;
        this.standing = standing;
        this.order = order;
    }

    @Incoming("loyalty-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CustomerEventsConsumer.CONSUMER, record, this::apply);
    }

    @Override
    public String consumer() {
        return CustomerEventsConsumer.CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.LOYALTY;
    }

    @Override
    public void apply(IncomingEvent e) {
        String type = e.type();
        if (LoyaltyEvents.POINTS_EARNED.name().equals(type)) {
            PointsEarned p = e.payload(PointsEarned.class);
            if (newest(e, p.customerId(), p.programmeId())) {
                standing.balance(id(p.customerId()), id(p.programmeId()), id(p.memberId()), p.balance(), p.occurredAt());
            }
        } else if (LoyaltyEvents.POINTS_REDEEMED.name().equals(type)) {
            PointsRedeemed p = e.payload(PointsRedeemed.class);
            if (newest(e, p.customerId(), p.programmeId())) {
                standing.balance(id(p.customerId()), id(p.programmeId()), id(p.memberId()), p.balance(), p.occurredAt());
            }
        } else if (LoyaltyEvents.POINTS_EXPIRED.name().equals(type)) {
            PointsExpired p = e.payload(PointsExpired.class);
            if (newest(e, p.customerId(), p.programmeId())) {
                standing.balance(id(p.customerId()), id(p.programmeId()), id(p.memberId()), p.balance(), p.occurredAt());
            }
        } else if (LoyaltyEvents.MEMBER_ENROLLED.name().equals(type)) {
            MemberEnrolled m = e.payload(MemberEnrolled.class);
            if (newest(e, m.customerId(), m.programmeId())) {
                standing.tier(id(m.customerId()), id(m.programmeId()), id(m.memberId()), m.tier(), m.occurredAt());
            }
        } else if (LoyaltyEvents.TIER_CHANGED.name().equals(type)) {
            TierChanged t = e.payload(TierChanged.class);
            if (newest(e, t.customerId(), t.programmeId())) {
                standing.tier(id(t.customerId()), id(t.programmeId()), id(t.memberId()), t.toTier(), t.occurredAt());
            }
        } else if (LoyaltyEvents.MEMBER_LEFT.name().equals(type)) {
            MemberLeft m = e.payload(MemberLeft.class);
            if (newest(e, m.customerId(), m.programmeId())) {
                standing.left(id(m.customerId()), id(m.programmeId()));
            }
        }
    }

    private boolean newest(IncomingEvent e, String customerId, String programmeId) {
        return customerId != null && programmeId != null && order.isNewest("loyalty", e);
    }

    private static UUID id(String s) {
        return s == null ? null : UUID.fromString(s);
    }
}
