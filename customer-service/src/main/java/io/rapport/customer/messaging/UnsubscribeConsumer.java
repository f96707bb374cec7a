package io.rapport.customer.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.contracts.engagement.Unsubscribed;
import io.rapport.customer.domain.Channel;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.model.ConsentInput;
import io.rapport.customer.service.ConsentService;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * engagement.events: a customer who clicked a message's unsubscribe link withdraws that channel's consent here, where
 * consent is owned, with source {@value #SOURCE} and the time of the click (an older decision than the stored one is
 * kept in the history without replacing it). A merged-away customer's survivor withdraws; erased customers are skipped; the rest of the topic is
 * not for this service.
 */
@ApplicationScoped
public class UnsubscribeConsumer implements RedrivableConsumer {
    public static final String CONSUMER = "customer-service";
    public static final String SOURCE = "unsubscribe-link";
    private static final Logger LOG = Logger.getLogger(UnsubscribeConsumer.class);

    private final Inbox inbox;
    private final ConsentService consents;
    private final Clock clock;

    public UnsubscribeConsumer(Inbox inbox, ConsentService consents, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.consents = consents;
    }

    @Incoming("unsubscribe-events")
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.ENGAGEMENT;
    }

    @Override
    public void apply(IncomingEvent e) {
        if (!EngagementEvents.UNSUBSCRIBED.name().equals(e.type())) {
            return;
        }
        Unsubscribed u = e.payload(Unsubscribed.class);
        UUID id = UUID.fromString(u.customerId());
        Customer c = Customer.findById(id);
        for (int hops = 0; c != null && c.mergedInto != null && hops < 10; hops++) {
            c = Customer.findById(c.mergedInto); // the person asked to stop: their surviving record stops
        }
        if (c == null || c.erasedAt != null || c.mergedInto != null) {
            LOG.debugf("unsubscribe of %s skipped: unknown or erased", id);
            return;
        }
        Instant at =
                u.unsubscribedAt() == null || u.unsubscribedAt().isAfter(clock.instant()) ? null : u.unsubscribedAt();
        consents.decide(c.id, Channel.valueOf(u.channel()), new ConsentInput(false, SOURCE, at), "engagement-service");
    }
}
