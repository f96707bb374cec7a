package io.rapport.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.platform.config.InboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The idempotent inbox. Each record is applied in its own transaction together with a row in
 * {@code rapport_inbox}: an event id already there has no second effect. A failing record is retried
 * {@code rapport.inbox.max-attempts} times with a doubling pause; then this throws, and the channel's
 * {@code failure-strategy=dead-letter-queue} sends the record to {@code <topic>.dlq} with the error in
 * its headers and consumption continues with the next record.
 *
 * <pre>{@code
 * @Incoming("customer-events")
 * public void onCustomerEvent(ConsumerRecord<String, String> record) {
 *     inbox.process("segmentation", record, handlers::apply);
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final InboxConfig config;

    public Inbox(EntityManager em, InboxConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * Applies {@code effect} to the record's event exactly once for {@code consumer}.
     *
     * @return true when applied now, false when the event had been processed before
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.from(record);
        long pause = config.retryBackoff().toMillis();
        int attempts = Math.max(1, config.maxAttempts());
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, effect));
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    LOG.errorf("event %s (%s) failed %d times, sending it to the dead-letter topic: %s", event.id(),
                            event.type(), attempt, e.toString());
                    throw e;
                }
                LOG.warnf("event %s (%s) failed (attempt %d of %d), retrying: %s", event.id(), event.type(), attempt,
                        attempts, e.toString());
                sleep(pause);
                pause *= 2;
            }
        }
    }

    /**
     * Applies a whole poll of records in ONE transaction, with the same deduplication as {@link #process}: one
     * commit per batch instead of one per event, for consumers that must keep up with a busy topic (use with
     * {@code batch=true} on the channel). When any record fails, nothing of the batch is kept and this answers
     * false: the caller then hands the records one by one to {@link #process}, which retries and isolates the
     * failing one.
     *
     * @return true when every record was applied or found already processed
     */
    public boolean processAll(String consumer, Iterable<ConsumerRecord<String, String>> records, Consumer<IncomingEvent> effect) {
        return processBatch(consumer, records, events -> events.forEach(effect));
    }

    /**
     * Like {@link #processAll}, for consumers that apply a poll set-based: {@code effect} receives, in ONE call and in
     * record order, only the events this consumer has not processed before (each id once, also when the poll holds
     * two copies of it), inside the transaction that records them in the inbox.
     *
     * @return true when the batch was applied (or held nothing new); false when it failed and nothing was kept
     */
    public boolean processBatch(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Consumer<List<IncomingEvent>> effect) {
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
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.infof("a batch for %s failed (%s); applying its records one by one", consumer, e.toString());
            return false;
        }
    }

    /**
     * The whole life of a poll on a batch channel ({@code batch=true}), for consumers that must keep up with a busy
     * topic: a record that is not a readable CloudEvent goes straight to its dead-letter topic; the rest is applied in
     * ONE transaction through {@link #processBatch} with {@code batchEffect}; if that fails, record by record through
     * {@link #process} with {@code singleEffect} (retries), and a record that still fails goes to its dead-letter topic
     * while the others proceed. Records keep their order on every path.
     */
    public void consume(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Consumer<List<IncomingEvent>> batchEffect, Consumer<IncomingEvent> singleEffect, DeadLetters deadLetters) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent.from(record);
                readable.add(record);
            } catch (MalformedEventException e) {
                deadLetters.send(record, e);
            }
        }
        if (readable.isEmpty() || processBatch(consumer, readable, batchEffect)) {
            return;
        }
        for (ConsumerRecord<String, String> record : readable) {
            try {
                process(consumer, record, singleEffect);
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
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
        int inserted = em.createNativeQuery("insert into rapport_inbox (consumer, event_id, event_type) values (?1, ?2, ?3)"
                + " on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        effect.accept(event);
        return true;
    }

    /** Forgets processed ids older than the retention (far longer than any topic keeps records). */
    @Scheduled(every = "${rapport.inbox.prune-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from rapport_inbox where processed_at < ?1")
                .setParameter(1, Instant.now().minus(config.retention()))
                .executeUpdate());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
