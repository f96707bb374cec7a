package io.rapport.loyalty.webhook;

import io.rapport.contracts.Topics;
import io.rapport.platform.inbox.BatchConsumer;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The webhook fan-out reads every event topic with its own consumer group ({@code loyalty-webhooks}, one channel per
 * topic), in batches through the idempotent inbox (consumer {@value #CONSUMER}): transient failures are retried with
 * the partition waiting, a poison record is dead-lettered and can be redriven.
 */
public final class WebhookEventConsumers {
    static final String CONSUMER = "loyalty-webhooks";

    private WebhookEventConsumers() {}

    /** The platform's {@link BatchConsumer} shape, one bean per topic. */
    abstract static class TopicConsumer extends BatchConsumer {
        private final WebhookFanOut fanOut;

        TopicConsumer(Inbox inbox, WebhookFanOut fanOut, String topic) {
            super(inbox, CONSUMER, topic);
            this.fanOut = fanOut;
        }

        /** While no subscription is active nothing can match: the poll is skipped without inbox rows. */
        void onPoll(ConsumerRecords<String, String> records) {
            if (fanOut.anyActive()) {
                consume(records);
            }
        }

        @Override
        public void applyAll(List<IncomingEvent> events) {
            fanOut.apply(events);
        }

        @Override
        public void apply(IncomingEvent event) {
            fanOut.apply(event);
        }
    }

    @Singleton
    public static class Loyalty extends TopicConsumer {
        public Loyalty(Inbox inbox, WebhookFanOut fanOut) {
            super(inbox, fanOut, Topics.LOYALTY);
        }

        @Incoming("webhook-loyalty-events")
        @Blocking(ordered = true)
        public void onBatch(ConsumerRecords<String, String> records) {
            onPoll(records);
        }
    }

    @Singleton
    public static class Customer extends TopicConsumer {
        public Customer(Inbox inbox, WebhookFanOut fanOut) {
            super(inbox, fanOut, Topics.CUSTOMER);
        }

        @Incoming("webhook-customer-events")
        @Blocking(ordered = true)
        public void onBatch(ConsumerRecords<String, String> records) {
            onPoll(records);
        }
    }

    @Singleton
    public static class Segmentation extends TopicConsumer {
        public Segmentation(Inbox inbox, WebhookFanOut fanOut) {
            super(inbox, fanOut, Topics.SEGMENTATION);
        }

        @Incoming("webhook-segmentation-events")
        @Blocking(ordered = true)
        public void onBatch(ConsumerRecords<String, String> records) {
            onPoll(records);
        }
    }

    @Singleton
    public static class Engagement extends TopicConsumer {
        public Engagement(Inbox inbox, WebhookFanOut fanOut) {
            super(inbox, fanOut, Topics.ENGAGEMENT);
        }

        @Incoming("webhook-engagement-events")
        @Blocking(ordered = true)
        public void onBatch(ConsumerRecords<String, String> records) {
            onPoll(records);
        }
    }
}
