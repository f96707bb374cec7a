package io.rapport.loyalty.webhook;

import io.rapport.contracts.Topics;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.inject.Singleton;
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

    abstract static class TopicConsumer implements RedrivableConsumer {
        private final Inbox inbox;
        private final WebhookFanOut fanOut;

        TopicConsumer(Inbox inbox, WebhookFanOut fanOut) {
            this.inbox = inbox;
            this.fanOut = fanOut;
        }

        /** While no subscription is active nothing can match: the poll is skipped without inbox rows. */
        void consume(ConsumerRecords<String, String> records) {
            if (fanOut.anyActive()) {
                inbox.consume(CONSUMER, records, fanOut::apply, fanOut::apply);
            }
        }

        @Override
        public String consumer() {
            return CONSUMER;
        }

        @Override
        public void apply(IncomingEvent event) {
            fanOut.apply(event);
        }
    }

    @Singleton
    public static class Loyalty extends TopicConsumer {
        public Loyalty(Inbox inbox, WebhookFanOut fanOut) {
            super(inbox, fanOut);
        }

        @Incoming("webhook-loyalty-events")
        @Blocking(ordered = true)
        public void onBatch(ConsumerRecords<String, String> records) {
            consume(records);
        }

        @Override
        public String topic() {
            return Topics.LOYALTY;
        }
    }

    @Singleton
    public static class Customer extends TopicConsumer {
        public Customer(Inbox inbox, WebhookFanOut fanOut) {
            super(inbox, fanOut);
        }

        @Incoming("webhook-customer-events")
        @Blocking(ordered = true)
        public void onBatch(ConsumerRecords<String, String> records) {
            consume(records);
        }

        @Override
        public String topic() {
            return Topics.CUSTOMER;
        }
    }

    @Singleton
    public static class Segmentation extends TopicConsumer {
        public Segmentation(Inbox inbox, WebhookFanOut fanOut) {
            super(inbox, fanOut);
        }

        @Incoming("webhook-segmentation-events")
        @Blocking(ordered = true)
        public void onBatch(ConsumerRecords<String, String> records) {
            consume(records);
        }

        @Override
        public String topic() {
            return Topics.SEGMENTATION;
        }
    }

    @Singleton
    public static class Engagement extends TopicConsumer {
        public Engagement(Inbox inbox, WebhookFanOut fanOut) {
            super(inbox, fanOut);
        }

        @Incoming("webhook-engagement-events")
        @Blocking(ordered = true)
        public void onBatch(ConsumerRecords<String, String> records) {
            consume(records);
        }

        @Override
        public String topic() {
            return Topics.ENGAGEMENT;
        }
    }
}
