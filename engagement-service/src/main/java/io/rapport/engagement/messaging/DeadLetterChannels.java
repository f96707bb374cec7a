package io.rapport.engagement.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The dead-letter channel of the batch channel on customer.events (see application.properties). */
@ApplicationScoped
public class DeadLetterChannels {
    @Produces
    @ApplicationScoped
    DeadLetters deadLetters(@Channel("customer-events-dlq") MutinyEmitter<String> customerEvents) {
        return DeadLetters.of(Map.of(Topics.CUSTOMER, customerEvents));
    }
}
