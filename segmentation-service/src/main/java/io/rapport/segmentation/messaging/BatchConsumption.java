package io.rapport.segmentation.messaging;

import io.rapport.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How both channels apply a poll, through the platform's batch life cycle ({@code Inbox.consume}): a record that is
 * not a readable CloudEvent is dead-lettered; the new events of the rest (each event id once per consumer) are applied
 * in ONE transaction as one {@link EventBatch} (set-based). A transient failure (database unavailable, lock, timeout)
 * is retried until it passes, holding the channel; any other failure sends the poll record by record through the
 * inbox, and a record that can never be applied is dead-lettered (rapport_dead_letter, copy on
 * {@code <topic>.dlq}) while the others proceed.
 */
@ApplicationScoped
public class BatchConsumption {
    private final Inbox inbox;
    private final EventDispatcher dispatcher;

    public BatchConsumption(Inbox inbox, EventDispatcher dispatcher) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
    }

    /** @param consumer the inbox consumer name (a second name re-applies nothing: facts also count once per business key) */
    public void consume(String consumer, Iterable<ConsumerRecord<String, String>> records) {
        inbox.consume(consumer, records, dispatcher::applyAll, dispatcher::apply);
    }
}
