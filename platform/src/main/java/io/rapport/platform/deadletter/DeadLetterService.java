package io.rapport.platform.deadletter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Lists, redrives and discards a service's dead letters. A redrive applies the stored record through the same
 * idempotent inbox and the same handler as live consumption ({@link RedrivableConsumer}), in one transaction with
 * the dead letter's new status: an event the consumer applied meanwhile has no second effect, and a redrive that
 * fails again leaves the dead letter PENDING with the new error and one more attempt.
 */
@ApplicationScoped
public class DeadLetterService {
    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    private final DeadLetterStore store;
    private final Inbox inbox;
    private final Instance<RedrivableConsumer> consumers;

    public DeadLetterService(DeadLetterStore store, Inbox inbox, Instance<RedrivableConsumer> consumers) {
        this.store = store;
        this.inbox = inbox;
        this.consumers = consumers;
    }

    public Page<DeadLetter> list(DeadLetterFilter filter, PageRequest page) {
        return Page.of(store.list(filter, page.offset(), page.size), page, store.count(filter));
    }

    public DeadLetter get(UUID id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("dead letter", id));
    }

    /** Redrives one dead letter; 404 when unknown, 409 when it is not pending. */
    public RedriveResult redrive(UUID id, String by) {
        DeadLetter d = get(id);
        if (!DeadLetter.PENDING.equals(d.status())) {
            throw ProblemException.conflict(
                    "dead-letter-not-pending",
                    "dead letter " + id + " is " + d.status(),
                    java.util.Map.of("status", d.status()));
        }
        return redriveOne(id, by);
    }

    /** Redrives the pending dead letters among {@code ids} (others are skipped). */
    public RedriveResult redrive(List<UUID> ids, String by) {
        RedriveResult total = RedriveResult.NONE;
        for (UUID id : ids) {
            total = total.plus(redriveOne(id, by));
        }
        return total;
    }

    /** Redrives every pending dead letter matching {@code filter} (its status is forced to PENDING), oldest first. */
    public RedriveResult redrive(DeadLetterFilter filter, String by) {
        DeadLetterFilter pending =
                new DeadLetterFilter(DeadLetter.PENDING, filter.consumer(), filter.type(), filter.since());
        return redrive(store.ids(pending), by);
    }

    /** Discards a pending dead letter, keeping the reason and who; 404 when unknown, 409 when it is not pending. */
    public DeadLetter discard(UUID id, String reason, String by) {
        DeadLetter d = get(id);
        boolean done = QuarkusTransaction.requiringNew().call(() -> store.discard(id, reason, by));
        if (!done) {
            throw ProblemException.conflict(
                    "dead-letter-not-pending",
                    "dead letter " + id + " is " + d.status(),
                    java.util.Map.of("status", d.status()));
        }
        LOG.infof("dead letter %s discarded by %s", id, by);
        return get(id);
    }

    private RedriveResult redriveOne(UUID id, String by) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<StoredRecord> stored = store.lockRecord(id);
                if (stored.isEmpty() || !DeadLetter.PENDING.equals(stored.get().status())) {
                    return RedriveResult.NONE;
                }
                StoredRecord s = stored.get();
                RedrivableConsumer consumer = consumer(s.consumer(), s.record().topic());
                IncomingEvent event = IncomingEvent.from(s.record());
                boolean applied = inbox.applyInCurrentTransaction(s.consumer(), event, consumer::apply);
                store.markRedriven(id, by);
                LOG.infof(
                        "dead letter %s (event %s) redriven by %s: %s",
                        id, event.id(), by, applied ? "applied" : "already applied");
                return applied ? RedriveResult.APPLIED : RedriveResult.ALREADY_APPLIED;
            });
        } catch (RuntimeException e) {
            LOG.warnf("redrive of dead letter %s failed: %s", id, e.toString());
            QuarkusTransaction.requiringNew().run(() -> store.markFailedAgain(id, e));
            return RedriveResult.FAILED;
        }
    }

    private RedrivableConsumer consumer(String name, String topic) {
        for (RedrivableConsumer c : consumers) {
            if (c.consumer().equals(name) && c.topic().equals(topic)) {
                return c;
            }
        }
        throw new IllegalStateException("no consumer " + name + " of " + topic + " in this service");
    }
}
