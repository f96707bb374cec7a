package io.rapport.platform.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.contracts.CloudEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from Kafka (binary mode). Payloads are read leniently: fields added by a newer,
 * compatible version of the schema are ignored. {@code sequence} is the subject's event number at its source (the
 * CloudEvents {@code sequence} extension); null for events published before it existed.
 */
public record IncomingEvent(
        String id, String type, String source, String subject, Instant time, String payload, Long sequence) {
    /** Kafka header of the CloudEvents {@code sequence} extension attribute (per-subject, zero-padded decimal). */
    public static final String SEQUENCE = CloudEvents.SEQUENCE;

    private static final ObjectMapper LENIENT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads the CloudEvents headers; a record without {@code ce_id} or {@code ce_type} is malformed. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEvents.ID);
        String type = header(record, CloudEvents.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " lacks ce_id or ce_type");
        }
        String time = header(record, CloudEvents.TIME);
        Instant at;
        try {
            at = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (RuntimeException e) {
            throw new MalformedEventException("ce_time is not an instant: " + time);
        }
        String subject = header(record, CloudEvents.SUBJECT);
        String sequence = header(record, SEQUENCE);
        Long n;
        try {
            n = sequence == null ? null : Long.valueOf(sequence.trim());
        } catch (NumberFormatException e) {
            throw new MalformedEventException("ce_sequence is not a number: " + sequence);
        }
        return new IncomingEvent(
                id,
                type,
                header(record, CloudEvents.SOURCE),
                subject == null ? record.key() : subject,
                at,
                record.value(),
                n);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The payload as the given record type. */
    public <T> T payload(Class<T> type) {
        if (payload == null) {
            throw new MalformedEventException("event " + id + " has no payload");
        }
        try {
            return LENIENT.readValue(payload, type);
        } catch (IOException e) {
            // cannot succeed on retry: straight to the dead-letter topic
            throw new MalformedEventException("event " + id + " (" + this.type + ") payload does not match "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
