package io.rapport.platform.outbox;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The relay's producer: idempotent, {@code acks=all}, ordered per partition, bounded blocking when Kafka is down. */
public final class RelayProducers {
    /**
     * How long the producer itself keeps retrying a record (the broker deduplicates these retries): a broker freeze
     * shorter than this costs no duplicate; the relay re-sends a row only after it.
     */
    public static final java.time.Duration DELIVERY_TIMEOUT = java.time.Duration.ofMinutes(2);

    private RelayProducers() {}

    public static Producer<String, byte[]> create(String bootstrapServers, String clientId) {
        return create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), clientId);
    }

    /**
     * A relay producer on top of the application's Kafka settings ({@code kafka.*}: bootstrap servers, TLS,
     * SASL credentials); the relay's own guarantees (idempotence, acks, ordering) always win.
     */
    public static Producer<String, byte[]> create(Map<String, Object> kafkaSettings, String clientId) {
        return new KafkaProducer<>(
                settings(kafkaSettings, clientId), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The producer settings: the application's, then the relay's own. {@code linger.ms} is 0 because the relay hands
     * the producer a whole batch of rows at once and then waits for their acknowledgements: a linger only delayed every
     * event by 5 ms (measured: outbox commit to {@code sent_at} p50 20.2 ms with 5, 16.5 ms with 0, at 4 purchases/s),
     * while the rows of a batch still travel together in one request.
     */
    static Map<String, Object> settings(Map<String, Object> kafkaSettings, String clientId) {
        Map<String, Object> p = new HashMap<>(kafkaSettings);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        return p;
    }
}
