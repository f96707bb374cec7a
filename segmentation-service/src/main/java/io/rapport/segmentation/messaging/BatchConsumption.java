package io.rapport.segmentation.messaging;

import io.rapport.platform.inbox.DeadLetters;
import io.rapport.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How both channels apply a poll, through the platform's batch life cycle ({@code Inbox.consume}): a record that is
 * not a readable CloudEvent goes to its dead-letter topic; the new events of the rest (each event id once per
 * consumer) are applied in ONE transaction as one {@link EventBatch} (set-based); if that fails, record by record
 * through the inbox (retries), and a record that still fails goes to its dead-letter topic while the others proceed.
 */
@ApplicationScoped
public class BatchConsumption {
    private final Inbox inbox;
    private final EventDispatcher dispatcher;
    private final DeadLetters deadLetters;

    public BatchConsumption(Inbox inbox, EventDispatcher dispatcher, DeadLetters deadLetters) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
    }

    /** @param consumer the inbox consumer name (a second name re-applies nothing: facts also count once per business key) */
    public void consume(String consumer, Iterable<ConsumerRecord<String, String>> records) {
        inbox.consume(consumer, records, dispatcher::applyAll, dispatcher::apply, deadLetters);
    }
}
