package io.rapport.platform.inbox;

import io.rapport.platform.config.InboxConfig;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link BatchConsumer} whose events are handled by a bean of its own (a service's {@code *EventHandlers}, a
 * {@link Handler} annotated with the topics it applies, {@link Handles}): the consumer class only binds the channel with its {@code @Incoming}
 * method. The bindings of the topics several services read are written once, here in the platform
 * ({@link CustomerEventsChannel}, {@link SegmentationEventsChannel}, {@link EngagementEventsChannel}); a service turns
 * one on with a build property ({@code rapport.channels.<channel>=true}), names its inbox consumer
 * ({@code rapport.inbox.consumer}) and configures the channel ({@code mp.messaging.incoming.<channel>.*}).
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

    /**
     * A platform channel: the inbox consumer is the service's {@code rapport.inbox.consumer}, the handler the one
     * service bean annotated {@link Handles} with {@code topic}.
     *
     * @throws IllegalStateException at start-up when the consumer name is not configured or not exactly one handler
     *     applies the topic
     */
    protected DelegatingConsumer(Inbox inbox, InboxConfig config, String topic, Instance<Handler> handlers) {
        this(
                inbox,
                config.consumer()
                        .orElseThrow(() -> new IllegalStateException(
                                "rapport.inbox.consumer must name this service's inbox consumer to read " + topic)),
                topic,
                handlerOf(topic, handlers));
    }

    /** A CDI client proxy needs a no-argument constructor; it is never used to consume. */
    protected DelegatingConsumer() {
        this.handler = null;
    }

    static Set<String> topicsOf(Handler handler) {
        Handles handles = handler.getClass().getAnnotation(Handles.class);
        return handles == null ? Set.of() : Set.of(handles.value());
    }

    static Handler handlerOf(String topic, Iterable<Handler> handlers) {
        List<Handler> matching = new ArrayList<>();
        for (Handler h : handlers) {
            if (topicsOf(h).contains(topic)) {
                matching.add(h);
            }
        }
        if (matching.size() != 1) {
            throw new IllegalStateException(
                    matching.size() + " event handlers apply " + topic + " in this service, expected exactly one");
        }
        return matching.get(0);
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
