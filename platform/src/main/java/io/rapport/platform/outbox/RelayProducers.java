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
        Map<String, Object> p = new HashMap<>(kafkaSettings);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
