package io.rapport.segmentation.messaging;

import io.rapport.contracts.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends a record that failed all its attempts to its topic's dead-letter topic ({@code customer.events.dlq},
 * {@code engagement.events.dlq}), keeping its key, value and CloudEvents headers and adding the headers the channel's
 * own dead-letter strategy would ({@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition},
 * {@code -offset}). Waits for the broker's acknowledgement, so the record's offset is committed only once it is safe
 * in the dead-letter topic.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> customerEvents;
    private final MutinyEmitter<String> engagementEvents;

    public DeadLetters(@Channel("customer-events-dlq") MutinyEmitter<String> customerEvents,
            @Channel("engagement-events-dlq") MutinyEmitter<String> engagementEvents) {
        this.customerEvents = customerEvents;
        this.engagementEvents = engagementEvents;
    }

    public void send(ConsumerRecord<String, String> record, Throwable failure) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(String.valueOf(failure.getMessage())));
        if (failure.getCause() != null) {
            headers.add("dead-letter-cause", bytes(String.valueOf(failure.getCause().getMessage())));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                .withHeaders(headers).build();
        LOG.errorf("record %s/%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(), record.offset(),
                failure.toString());
        MutinyEmitter<String> emitter = Topics.ENGAGEMENT.equals(record.topic()) ? engagementEvents : customerEvents;
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(metadata));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
