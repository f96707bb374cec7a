package io.rapport.platform.inbox;

import io.rapport.contracts.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends a consumed record that cannot be applied to its topic's dead-letter topic ({@code <topic>.dlq}) for batch
 * channels, where the channel's own {@code failure-strategy=dead-letter-queue} cannot single out one record of a poll.
 * Keeps the record's key, value and CloudEvents headers and adds the headers that strategy would
 * ({@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition}, {@code -offset}), so every dead letter
 * looks the same whichever path sent it. Waits for the broker's acknowledgement: the poll's offsets are committed only
 * once the record is safe in the dead-letter topic.
 *
 * <p>A service declares one outgoing channel per dead-letter topic (String key and value serializers) and produces one
 * instance from them:
 * <pre>{@code
 * @Produces @ApplicationScoped
 * DeadLetters deadLetters(@Channel("customer-events-dlq") MutinyEmitter<String> customerEvents) {
 *     return DeadLetters.of(Map.of(Topics.CUSTOMER, customerEvents));
 * }
 * }</pre>
 */
public final class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Map<String, MutinyEmitter<String>> emittersBySourceTopic;

    private DeadLetters(Map<String, MutinyEmitter<String>> emittersBySourceTopic) {
        this.emittersBySourceTopic = Map.copyOf(emittersBySourceTopic);
    }

    /** @param emittersBySourceTopic for each consumed topic, the emitter of its dead-letter channel */
    public static DeadLetters of(Map<String, MutinyEmitter<String>> emittersBySourceTopic) {
        return new DeadLetters(emittersBySourceTopic);
    }

    /** Sends {@code record} to {@code <its topic>.dlq} with {@code failure} as the reason, and waits for the ack. */
    public void send(ConsumerRecord<String, String> record, Throwable failure) {
        MutinyEmitter<String> emitter = emittersBySourceTopic.get(record.topic());
        if (emitter == null) {
            throw new IllegalStateException("no dead-letter channel for " + record.topic() + Topics.DLQ_SUFFIX);
        }
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
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(metadata));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
