package io.rapport.segmentation.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.Handles;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.inbox.PollEventOrder;
import io.rapport.segmentation.classification.Reclassifier;
import io.rapport.segmentation.profile.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Applies the customer and engagement events segmentation keeps facts from (every other type is ignored) inside the
 * caller's transaction, through one {@link EventBatch}: a poll's new events at once (set-based), or one event (a batch of one); the
 * handler of both consumers ({@link DelegatingConsumer}).
 */
@ApplicationScoped
@Handles({Topics.CUSTOMER, Topics.ENGAGEMENT})
public class EventDispatcher implements DelegatingConsumer.Handler {
    private final ProfileService profiles;
    private final Reclassifier reclassifier;
    private final PollEventOrder order;
    private final Clock clock;

    public EventDispatcher(ProfileService profiles, Reclassifier reclassifier, PollEventOrder order, Clock clock) {
        this.clock = clock;
        this.profiles = profiles;
        this.reclassifier = reclassifier;
        this.order = order;
    }

    /** The events in record order, as one batch (holding the window-totals lock shared, see ProfileService). */
    @Override
    public void applyAll(List<IncomingEvent> events) {
        profiles.shareWindowLock();
        EventBatch batch = new EventBatch(profiles, reclassifier, order, clock);
        events.forEach(batch);
        batch.finish();
    }
}
