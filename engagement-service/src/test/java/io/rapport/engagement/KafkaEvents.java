package io.rapport.engagement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces CloudEvents (Kafka binary mode) to the test broker, as the other services' outbox relays do. */
public final class KafkaEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, String> producer;

    public KafkaEvents() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Sends one event with a new ce_id. @return the ce_id */
    public String send(EventType type, String subject, Object payload) {
        return send(type, subject, payload, UUID.randomUUID().toString());
    }

    public String send(EventType type, String subject, Object payload, String eventId) {
        try {
            ProducerRecord<String, String> r = new ProducerRecord<>(type.topic(), subject, JSON.writeValueAsString(payload));
            header(r, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
            header(r, CloudEvents.ID, eventId);
            header(r, CloudEvents.TYPE, type.name());
            header(r, CloudEvents.SOURCE, "/test");
            header(r, CloudEvents.SUBJECT, subject);
            header(r, CloudEvents.TIME, Instant.now().toString());
            header(r, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
            producer.send(r).get();
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + type, e);
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
