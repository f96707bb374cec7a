package io.rapport.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.platform.config.InboxConfig;
import io.rapport.platform.deadletter.DeadLetterStore;
import io.rapport.platform.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;

/**
 * The idempotent inbox. Each record is applied in its own transaction together with a row in {@code rapport_inbox}:
 * an event id already there has no second effect.
 *
 * <p>Failures are classified ({@link FailureClassifier}). A transient one (database or broker unavailable, a lock,
 * a deadlock, a timeout, anything unknown) is retried with capped exponential backoff and jitter for as long as it
 * lasts ({@link ConsumerRetries}); meanwhile the consumer does not return, so the channel stops asking for records and
 * nothing after the record is committed. A poison record (unreadable, schema-invalid, refused by the domain) is
 * dead-lettered at once, a data error (SQLState 22, 23) after {@code rapport.inbox.max-attempts}: written to
 * {@code rapport_dead_letter} (with a Kafka copy on {@code <topic>.dlq}, see {@link DeadLetterStore}), and consumption
 * continues with the next record. A dead letter can be redriven through the same inbox and handler
 * ({@link io.rapport.platform.deadletter.DeadLetterService}).
 *
 * <pre>{@code
 * @Incoming("customer-events")
 * @Blocking(ordered = true)
 * public void onCustomerEvent(ConsumerRecord<String, String> record) {
 *     inbox.process("segmentation", record, handlers::apply);
 * }
 * }</pre>
 * Channels use {@code failure-strategy=fail}: the only exception that leaves the inbox is
 * {@link ConsumerStoppedException} at shutdown, and the record must then be read again, not dead-lettered.
 */
@ApplicationScoped
public class Inbox {
    static final int PRUNE_BATCH = 5_000;

    private final EntityManager em;
    private final InboxConfig config;
    private final ConsumerRetries retries;
    private final DeadLetterStore deadLetters;
    private final Jobs jobs;
    private final Clock clock;

    public Inbox(
            EntityManager em,
            InboxConfig config,
            ConsumerRetries retries,
            DeadLetterStore deadLetters,
            Jobs jobs,
            Clock clock) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.jobs = jobs;
    }

    /**
     * Applies {@code effect} to the record's event exactly once for {@code consumer}, retrying transient failures until
     * they pass, dead-lettering a record that can never be applied.
     *
     * @return true when applied now, false when the event had been processed before or was dead-lettered
     * @throws ConsumerStoppedException when the service stops while the record waits for a retry
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            deadLetter(consumer, record, e, 1);
            return false;
        }
        int dataAttempts = Math.max(1, config.maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, effect));
                retries.recovered(consumer);
                return applied;
            } catch (ConsumerStoppedException e) {
                throw e;
            } catch (RuntimeException e) {
                FailureKind kind = FailureClassifier.classify(e);
                if (kind == FailureKind.POISON || (kind == FailureKind.DATA && attempt >= dataAttempts)) {
                    deadLetter(consumer, record, e, attempt);
                    return false;
                }
                retries.pause(consumer, attempt, "event " + event.id() + " (" + event.type() + ")", e);
            }
        }
    }

    /**
     * Applies a whole poll of records in ONE transaction, with the same deduplication as {@link #process}: one
     * commit per batch instead of one per event. When any record fails, nothing of the batch is kept and this answers
     * false (no retry, no dead letter: {@link #consume} does both).
     *
     * @return true when every record was applied or found already processed
     */
    public boolean processAll(
            String consumer, Iterable<ConsumerRecord<String, String>> records, Consumer<IncomingEvent> effect) {
        return processBatch(consumer, records, events -> events.forEach(effect));
    }

    /**
     * Like {@link #processAll}, for consumers that apply a poll set-based: {@code effect} receives, in ONE call and in
     * record order, only the events this consumer has not processed before (each id once, also when the poll holds
     * two copies of it), inside the transaction that records them in the inbox.
     *
     * @return true when the batch was applied (or held nothing new); false when it failed and nothing was kept
     */
    public boolean processBatch(
            String consumer, Iterable<ConsumerRecord<String, String>> records, Consumer<List<IncomingEvent>> effect) {
        return tryBatch(consumer, records, effect) == null;
    }

    /**
     * The whole life of a poll on a batch channel ({@code batch=true}): a record that is not a readable CloudEvent is
     * dead-lettered; the rest is applied in ONE transaction with {@code batchEffect}. A transient failure of the batch
     * is retried (backoff, for as long as it lasts); any other failure sends the records one by one through
     * {@link #process} with {@code singleEffect}, which isolates and dead-letters the record that can never be
     * applied while the others proceed. Records keep their order on every path.
     *
     * @throws ConsumerStoppedException when the service stops while the poll waits for a retry
     */
    public void consume(
            String consumer,
            Iterable<ConsumerRecord<String, String>> records,
            Consumer<List<IncomingEvent>> batchEffect,
            Consumer<IncomingEvent> singleEffect) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent.from(record);
                readable.add(record);
            } catch (MalformedEventException e) {
                deadLetter(consumer, record, e, 1);
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure = tryBatch(consumer, readable, batchEffect);
            if (failure == null) {
                retries.recovered(consumer);
                return;
            }
            if (FailureClassifier.classify(failure) != FailureKind.TRANSIENT) {
                break;
            }
            retries.pause(consumer, attempt, "a batch of " + readable.size() + " records", failure);
        }
        for (ConsumerRecord<String, String> record : readable) {
            process(consumer, record, singleEffect);
        }
    }

    /**
     * Applies {@code effect} to {@code event} once for {@code consumer} inside the caller's transaction (a redrive).
     *
     * @return true when applied now, false when the event had been processed before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean applyInCurrentTransaction(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        return applyOnce(consumer, event, effect);
    }

    private RuntimeException tryBatch(
            String consumer, Iterable<ConsumerRecord<String, String>> records, Consumer<List<IncomingEvent>> effect) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<IncomingEvent> events = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    events.add(IncomingEvent.from(record));
                }
                Set<String> fresh = claim(consumer, events);
                List<IncomingEvent> apply = new ArrayList<>(fresh.size());
                for (IncomingEvent event : events) {
                    if (fresh.remove(event.id())) { // a second copy inside the batch finds its id gone
                        apply.add(event);
                    }
                }
                if (!apply.isEmpty()) {
                    effect.accept(apply);
                    apply.forEach(this::afterApplied);
                }
            });
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Records the dead letter, retrying while the database is unavailable (a dead letter is never dropped). */
    private void deadLetter(
            String consumer, ConsumerRecord<String, String> record, RuntimeException failure, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> deadLetters.record(consumer, record, failure, attempts));
                retries.recovered(consumer);
                return;
            } catch (RuntimeException e) {
                retries.pause(
                        consumer,
                        attempt,
                        "dead-lettering " + record.topic() + "/" + record.partition() + "@" + record.offset(),
                        e);
            }
        }
    }

    /** Writes the inbox rows of a whole batch in one statement; answers the ids not processed before. */
    private Set<String> claim(String consumer, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        String[] ids = events.stream().map(IncomingEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(IncomingEvent::type).toArray(String[]::new);
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into rapport_inbox (consumer, event_id, event_type)"
                    + " select ?, t.id, t.type from unnest(?::text[], ?::text[]) as t(id, type)"
                    + " on conflict do nothing returning event_id")) {
                ps.setString(1, consumer);
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.setArray(3, c.createArrayOf("text", types));
                Set<String> fresh = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getString(1));
                    }
                }
                return fresh;
            }
        });
    }

    private boolean applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        int inserted = em.createNativeQuery(
                        "insert into rapport_inbox (consumer, event_id, event_type) values (?1, ?2, ?3)"
                                + " on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        effect.accept(event);
        afterApplied(event);
        return true;
    }

    /**
     * What every consumer does after its own handler, in the same transaction: a customer's erasure also scrubs the
     * record and error of that customer's dead letters here (they may hold personal data of older releases' events),
     * so each service's erasure is complete whatever its handler does.
     */
    private void afterApplied(IncomingEvent event) {
        if (CustomerEvents.ERASED.name().equals(event.type()) && event.subject() != null) {
            deadLetters.forgetSubject(event.subject(), "erasure");
        }
    }

    /** Forgets processed ids older than the retention (far longer than any topic keeps records). */
    @Scheduled(every = "${rapport.inbox.prune-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        prune(clock.instant().minus(config.retention()));
    }

    /**
     * Forgets the events processed before {@code before}, {@value #PRUNE_BATCH} rows per transaction (a first prune
     * after months can meet millions of rows: one statement would hold them all in one transaction); replicas pruning
     * at once take disjoint rows.
     *
     * @return the rows deleted
     */
    public int prune(Instant before) {
        return jobs.drain(
                PRUNE_BATCH,
                () -> em.createNativeQuery("""
                                delete from rapport_inbox where (consumer, event_id) in (
                                    select consumer, event_id from rapport_inbox where processed_at < ?1
                                    limit ?2 for update skip locked)""")
                        .setParameter(1, before)
                        .setParameter(2, PRUNE_BATCH)
                        .executeUpdate());
    }
}
