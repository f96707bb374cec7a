package io.rapport.segmentation.messaging;

import io.rapport.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How both channels apply a poll: in ONE transaction through the inbox ({@code Inbox.processAll}, each event id once
 * per consumer) with its effects set-based ({@link EventDispatcher}: one {@link EventBatch} per transaction, finished
 * just before the commit).
 * If that fails, record by record through the inbox (retries), and a record that still fails goes to its dead-letter
 * topic while the others proceed.
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
        if (inbox.processAll(consumer, records, dispatcher::apply)) {
            return;
        }
        for (ConsumerRecord<String, String> record : records) {
            try {
                inbox.process(consumer, record, dispatcher::apply);
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
            }
        }
    }
}
