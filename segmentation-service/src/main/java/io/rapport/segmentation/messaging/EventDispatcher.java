package io.rapport.segmentation.messaging;

import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.segmentation.service.ProfileService;
import io.rapport.segmentation.service.Reclassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Applies the customer and engagement events segmentation keeps facts from (every other type is ignored) inside the
 * caller's transaction: the events given to one transaction (a whole poll through {@code Inbox.processAll}, or one
 * record through {@code Inbox.process}) go into one {@link EventBatch}, which is finished just before that transaction
 * commits (a JTA synchronization), so a poll's facts are written set-based and its customers reclassified once. If the
 * finish fails, the transaction rolls back like it would for a failing record. A rolled-back transaction's batch is
 * dropped with it.
 */
@ApplicationScoped
public class EventDispatcher {
    private static final String BATCH = EventDispatcher.class.getName() + ".batch";

    private final ProfileService profiles;
    private final Reclassifier reclassifier;
    private final TransactionSynchronizationRegistry transactions;

    public EventDispatcher(ProfileService profiles, Reclassifier reclassifier, TransactionSynchronizationRegistry transactions) {
        this.profiles = profiles;
        this.reclassifier = reclassifier;
        this.transactions = transactions;
    }

    /** Adds the event to the current transaction's batch (which requires a transaction). */
    public void apply(IncomingEvent event) {
        current().accept(event);
    }

    private EventBatch current() {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("events are applied inside the inbox transaction");
        }
        EventBatch batch = (EventBatch) transactions.getResource(BATCH);
        if (batch == null) {
            EventBatch created = new EventBatch(profiles, reclassifier);
            transactions.putResource(BATCH, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    created.finish();
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            batch = created;
        }
        return batch;
    }
}
