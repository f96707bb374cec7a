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
 * The {@code customer-events} channel ({@value Topics#CUSTOMER}) of every service that reads it, written once: a service turns it on
 * at build time with {@code rapport.channels.customer-events=true}, configures {@code mp.messaging.incoming.customer-events.*}
 * (a batch channel, {@code failure-strategy=fail}) and provides the {@link DelegatingConsumer.Handler} whose topics
 * name it. Each poll is one inbox transaction ({@link BatchConsumer}).
 */
@ApplicationScoped
@IfBuildProperty(name = "rapport.channels.customer-events", stringValue = "true")
public class CustomerEventsChannel extends DelegatingConsumer {
    @Inject
    public CustomerEventsChannel(Inbox inbox, InboxConfig config, @Any Instance<Handler> handlers) {
        super(inbox, config, Topics.CUSTOMER, handlers);
    }

    /** For the CDI client proxy. */
    protected CustomerEventsChannel() {
        super();
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void onBatch(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
