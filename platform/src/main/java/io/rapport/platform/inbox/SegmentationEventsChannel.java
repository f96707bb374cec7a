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
 * The {@code segmentation-events} channel ({@value Topics#SEGMENTATION}) of every service that reads it, written once: a service turns it on
 * at build time with {@code rapport.channels.segmentation-events=true}, configures {@code mp.messaging.incoming.segmentation-events.*}
 * (a batch channel, {@code failure-strategy=fail}) and provides the {@link DelegatingConsumer.Handler} whose topics
 * name it. Each poll is one inbox transaction ({@link BatchConsumer}).
 */
@ApplicationScoped
@IfBuildProperty(name = "rapport.channels.segmentation-events", stringValue = "true")
public class SegmentationEventsChannel extends DelegatingConsumer {
    @Inject
    public SegmentationEventsChannel(Inbox inbox, InboxConfig config, @Any Instance<Handler> handlers) {
        super(inbox, config, Topics.SEGMENTATION, handlers);
    }

    /** For the CDI client proxy. */
    protected SegmentationEventsChannel() {
        super();
    }

    @Incoming("segmentation-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
