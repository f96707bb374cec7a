package io.rapport.platform.deadletter;

import io.rapport.platform.inbox.IncomingEvent;

/**
 * A consumer whose dead letters can be redriven: implemented by each service's consumer bean of one topic, it names
 * the inbox consumer and the topic and applies one event exactly as live consumption does
 * ({@code Inbox.process(consumer(), record, this::apply)}).
 */
public interface RedrivableConsumer {
    /** The inbox consumer name, as in {@code rapport_inbox.consumer} and the dead letters. */
    String consumer();

    /** The topic this consumer reads. */
    String topic();

    /** Applies one event inside the caller's transaction (the redrive's), as live consumption does. */
    void apply(IncomingEvent event);
}
