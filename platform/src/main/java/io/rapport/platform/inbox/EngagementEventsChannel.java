package io.rapport.platform.inbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.rapport.contracts.Topics;
import io.rapport.platform.config.InboxConfig;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The {@code engagement-events} channel ({@value Topics#ENGAGEMENT}) of every service that reads it, written once: a service turns it on
 * at build time with {@code rapport.channels.engagement-events=true}, configures {@code mp.messaging.incoming.engagement-events.*}
 * (a batch channel, {@code failure-strategy=fail}) and provides the {@link DelegatingConsumer.Handler} whose topics
 * name it. Each poll is one inbox transaction ({@link BatchConsumer}).
 */
@ApplicationScoped
@IfBuildProperty(name = "rapport.channels.engagement-events", stringValue = "true")
public class EngagementEventsChannel extends DelegatingConsumer {
    @Inject
    public EngagementEventsChannel(Inbox inbox, InboxConfig config, @Any Instance<Handler> handlers) {
        super(inbox, config, Topics.ENGAGEMENT, handlers);
    }

    /** For the CDI client proxy. */
    protected EngagementEventsChannel() {
        super();
    }

    @Incoming("engagement-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
