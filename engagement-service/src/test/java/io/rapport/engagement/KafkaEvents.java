package io.rapport.engagement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.contracts.EventType;
import io.rapport.devstack.TestKafka;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces CloudEvents (Kafka binary mode) to the test broker, as the other services' outbox relays do. */
public final class KafkaEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, String> producer;

    public KafkaEvents() {
        Properties p = new Properties();
        p.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Sends one event with a new ce_id. @return the ce_id */
    public String send(EventType type, String subject, Object payload) {
        return send(type, subject, payload, UUID.randomUUID().toString());
    }

    public String send(EventType type, String subject, Object payload, String eventId) {
        try {
            producer.send(TestKafka.cloudEvent(
                            type.topic(), eventId, type.name(), "/test", subject, JSON.writeValueAsString(payload)))
                    .get();
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + type, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
