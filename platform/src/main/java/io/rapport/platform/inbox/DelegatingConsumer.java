package io.rapport.platform.inbox;

import java.util.List;

/**
 * A {@link BatchConsumer} whose events are handled by a bean of its own (a service's {@code *EventHandlers}): the
 * consumer class only names its inbox consumer and topic and binds the channel with its {@code @Incoming} method.
 */
public abstract class DelegatingConsumer extends BatchConsumer {
    /** What the consumer does with the events. */
    public interface Handler {
        /** A poll's new events, in record order, inside its one transaction (see {@link BatchConsumer}). */
        void applyAll(List<IncomingEvent> events);

        /** One event (record-by-record isolation, redrive): by default a batch of one. */
        default void apply(IncomingEvent event) {
            applyAll(List.of(event));
        }
    }

    private final Handler handler;

    protected DelegatingConsumer(Inbox inbox, String consumer, String topic, Handler handler) {
        super(inbox, consumer, topic);
        this.handler = handler;
    }

    /** A CDI client proxy needs a no-argument constructor; it is never used to consume. */
    protected DelegatingConsumer() {
        this.handler = null;
    }

    @Override
    public final void applyAll(List<IncomingEvent> events) {
        handler.applyAll(events);
    }

    @Override
    public final void apply(IncomingEvent event) {
        handler.apply(event);
    }
}
