package io.rapport.segmentation.messaging;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The platform's dead-letter sender for both consumed topics ({@code customer.events.dlq}, {@code engagement.events.dlq}). */
@ApplicationScoped
public class DeadLetterChannels {
    @Produces
    @ApplicationScoped
    DeadLetters deadLetters(@Channel("customer-events-dlq") MutinyEmitter<String> customerEvents,
            @Channel("engagement-events-dlq") MutinyEmitter<String> engagementEvents) {
        return DeadLetters.of(Map.of(Topics.CUSTOMER, customerEvents, Topics.ENGAGEMENT, engagementEvents));
    }
}
