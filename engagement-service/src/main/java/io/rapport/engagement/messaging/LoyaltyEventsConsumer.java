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
import io.rapport.platform.config.InboxConfig;
import io.rapport.platform.inbox.BatchConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.inbox.PollEventOrder;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * loyalty.events: keeps each customer's balance and tier per programme for message templates (LoyaltyStanding),
 * skipping an event older than one already applied for the customer. A poll is one inbox transaction
 * ({@link BatchConsumer}) that decides which events are newest once for all of them ({@link PollEventOrder}, in poll
 * order); a poll that fails goes record by record through {@link #apply}.
 */
@ApplicationScoped
public class LoyaltyEventsConsumer extends BatchConsumer {
    static final String PROJECTION = "loyalty";

    private final LoyaltyStanding standing;
    private final EventOrder order;
    private final PollEventOrder pollOrder;

    public LoyaltyEventsConsumer(
            Inbox inbox, InboxConfig config, LoyaltyStanding standing, EventOrder order, PollEventOrder pollOrder) {
        super(inbox, config.consumer().orElseThrow(), Topics.LOYALTY);
        this.standing = standing;
        this.order = order;
        this.pollOrder = pollOrder;
    }

    @Incoming("loyalty-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }

    /** A poll's new events in record order, inside its inbox transaction. */
    @Override
    public void applyAll(List<IncomingEvent> events) {
        Map<IncomingEvent, Change> changes = new IdentityHashMap<>();
        List<IncomingEvent> applicable = new ArrayList<>();
        for (IncomingEvent e : events) {
            Change c = change(e);
            if (c != null && c.names()) {
                changes.put(e, c);
                applicable.add(e);
            }
        }
        Set<IncomingEvent> newest = pollOrder.newest(PROJECTION, applicable);
        for (IncomingEvent e : applicable) {
            if (newest.contains(e)) {
                changes.get(e).effect().run();
            }
        }
    }

    @Override
    public void apply(IncomingEvent e) {
        Change c = change(e);
        if (c != null && c.names() && order.isNewest(PROJECTION, e)) {
            c.effect().run();
        }
    }

    /** What an event changes for one customer and programme. */
    private record Change(String customerId, String programmeId, Runnable effect) {
        /** Events without customer or programme change nothing (and do not count in the event order). */
        boolean names() {
            return customerId != null && programmeId != null;
        }
    }

    /** The event's change; null for types this projection ignores. */
    private Change change(IncomingEvent e) {
        String type = e.type();
        if (LoyaltyEvents.POINTS_EARNED.name().equals(type)) {
            PointsEarned p = e.payload(PointsEarned.class);
            return new Change(
                    p.customerId(),
                    p.programmeId(),
                    () -> standing.balance(
                            id(p.customerId()), id(p.programmeId()), id(p.memberId()), p.balance(), p.occurredAt()));
        } else if (LoyaltyEvents.POINTS_REDEEMED.name().equals(type)) {
            PointsRedeemed p = e.payload(PointsRedeemed.class);
            return new Change(
                    p.customerId(),
                    p.programmeId(),
                    () -> standing.balance(
                            id(p.customerId()), id(p.programmeId()), id(p.memberId()), p.balance(), p.occurredAt()));
        } else if (LoyaltyEvents.POINTS_EXPIRED.name().equals(type)) {
            PointsExpired p = e.payload(PointsExpired.class);
            return new Change(
                    p.customerId(),
                    p.programmeId(),
                    () -> standing.balance(
                            id(p.customerId()), id(p.programmeId()), id(p.memberId()), p.balance(), p.occurredAt()));
        } else if (LoyaltyEvents.MEMBER_ENROLLED.name().equals(type)) {
            MemberEnrolled m = e.payload(MemberEnrolled.class);
            return new Change(
                    m.customerId(),
                    m.programmeId(),
                    () -> standing.tier(
                            id(m.customerId()), id(m.programmeId()), id(m.memberId()), m.tier(), m.occurredAt()));
        } else if (LoyaltyEvents.TIER_CHANGED.name().equals(type)) {
            TierChanged t = e.payload(TierChanged.class);
            return new Change(
                    t.customerId(),
                    t.programmeId(),
                    () -> standing.tier(
                            id(t.customerId()), id(t.programmeId()), id(t.memberId()), t.toTier(), t.occurredAt()));
        } else if (LoyaltyEvents.MEMBER_LEFT.name().equals(type)) {
            MemberLeft m = e.payload(MemberLeft.class);
            return new Change(
                    m.customerId(), m.programmeId(), () -> standing.left(id(m.customerId()), id(m.programmeId())));
        }
        return null;
    }

    private static UUID id(String s) {
        return s == null ? null : UUID.fromString(s);
    }
}
