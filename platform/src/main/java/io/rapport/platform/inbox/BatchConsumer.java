package io.rapport.platform.inbox;

import io.rapport.platform.deadletter.RedrivableConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one shape of every Kafka consumer in Rapport: a batch channel ({@code batch=true}) hands in a poll, and
 * {@link Inbox#consume} runs its life cycle:
 * <ol>
 * <li>a record that is not a readable CloudEvent is dead-lettered at once;</li>
 * <li>the rest is claimed in the inbox in ONE statement, which drops the events this consumer processed before (and a
 * second copy inside the poll);</li>
 * <li>{@link #applyAll} gets the new events, in record order, inside ONE transaction: a subclass loads what its decision
 * needs in one query per batch, decides in plain domain code and stores the result set-based; one commit, then the
 * poll is acknowledged;</li>
 * <li>a transient failure (database unavailable, lock, timeout) retries the poll with backoff while the partition
 * waits; any other failure sends the records one by one through {@link #apply}, so the record that can never be
 * applied is dead-lettered while the rest of the poll applies.</li>
 * </ol>
 * A dead letter is redriven through {@link #apply} too: by default a batch of one through the same pipeline, so the
 * single and the batch path cannot disagree.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class LoyaltyEventsConsumer extends BatchConsumer {
 *     @Incoming("loyalty-events")
 *     @Blocking(ordered = true)
 *     public void onBatch(ConsumerRecords<String, String> records) {
 *         consume(records);
 *     }
 *
 *     @Override
 *     public void applyAll(List<IncomingEvent> events) { ... load, decide, store ... }
 * }
 * }</pre>
 * For throughput a channel runs {@code concurrency=N} copies (one Kafka consumer and one ordered worker each), not
 * {@code partitions=N}, which merges N consumers into one stream applied one poll at a time.
 */
public abstract class BatchConsumer implements RedrivableConsumer {
    private final Inbox inbox;
    private final String consumer;
    private final String topic;

    /**
     * @param consumer the inbox consumer name: events are applied once per name
     * @param topic the topic the channel reads (where a redriven dead letter came from)
     */
    protected BatchConsumer(Inbox inbox, String consumer, String topic) {
        this.inbox = inbox;
        this.consumer = consumer;
        this.topic = topic;
    }

    /** A CDI client proxy needs a no-argument constructor; it is never used to consume. */
    protected BatchConsumer() {
        this(null, null, null);
    }

    /**
     * Applies a poll (see the class comment); call it from the {@code @Incoming} method.
     *
     * @throws ConsumerStoppedException when the service stops while the poll waits for a retry
     */
    protected void consume(Iterable<ConsumerRecord<String, String>> records) {
        inbox.consume(consumer, records, this::applyAll, this::apply);
    }

    /** The new events of a poll, in record order, inside its one transaction; any exception rolls the poll back. */
    public abstract void applyAll(List<IncomingEvent> events);

    /** One event (record-by-record isolation, redrive): a batch of one. */
    @Override
    public void apply(IncomingEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public String topic() {
        return topic;
    }
}
