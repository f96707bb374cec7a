package io.rapport.devstack;

import io.rapport.contracts.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test helper for the shared broker that {@link RapportTestInfra} started: produce CloudEvents as another
 * service would, and read a topic from the beginning until a condition holds.
 */
public final class TestKafka {
    private static final AtomicLong CONSUMED_OFFSETS = new AtomicLong(1_000_000);

    private TestKafka() {}

    public static String bootstrapServers() {
        String b = System.getProperty("rapport.devstack.started.kafka");
        if (b == null) {
            throw new IllegalStateException("no broker: the test must run with RapportTestInfra");
        }
        return b;
    }

    /** Sends one CloudEvent in binary mode, keyed by the subject; returns its ce_id. */
    public static String send(String topic, String type, String subject, String json) {
        return send(topic, UUID.randomUUID().toString(), type, subject, json);
    }

    /** Sends one CloudEvent with a given id (send the same id twice to test deduplication). */
    public static String send(String topic, String id, String type, String subject, String json) {
        sendRaw(cloudEvent(topic, id, type, "/test", subject, json));
        return id;
    }

    /**
     * A CloudEvent in Kafka binary mode, as Rapport's services publish them: the attributes as {@code ce_*}
     * headers, the JSON payload as value, keyed by the subject.
     */
    public static ProducerRecord<String, String> cloudEvent(
            String topic, String id, String type, String source, String subject, String json) {
        RecordHeaders h = new RecordHeaders();
        h.add(CloudEvents.SPECVERSION, bytes(CloudEvents.SPEC_VERSION));
        h.add(CloudEvents.ID, bytes(id));
        h.add(CloudEvents.TYPE, bytes(type));
        h.add(CloudEvents.SOURCE, bytes(source));
        h.add(CloudEvents.SUBJECT, bytes(subject));
        h.add(CloudEvents.TIME, bytes(Instant.now().toString()));
        h.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.JSON));
        return new ProducerRecord<>(topic, null, subject, json, h);
    }

    /** Sends a record as given (e.g. without CloudEvents headers, to test poison handling). */
    public static void sendRaw(ProducerRecord<String, String> record) {
        Map<String, Object> p = Map.of("bootstrap.servers", bootstrapServers(), "acks", "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer group until {@code done} holds for
     * the records read so far, or the timeout passes; returns everything read.
     */
    public static List<ConsumerRecord<String, String>> readUntil(
            String topic, Duration timeout, Predicate<List<ConsumerRecord<String, String>>> done) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("group.id", "test-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                if (done.test(all)) {
                    break;
                }
            }
        }
        return all;
    }

    /**
     * Every record of {@code topic} from the beginning to its end as of now (none when the topic does not exist): what a
     * test needs to scan a whole topic, e.g. for personal data that must not be there.
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("enable.auto.commit", "false");
        p.put("allow.auto.create.topics", "false");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            var infos = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
            if (infos == null) {
                return all;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /**
     * Waits (up to 30 s) until {@code topic} holds, for every marker, a record whose value contains it, and returns the
     * records whose values contain any of the markers: what a test needs to find its own records on a shared
     * dead-letter topic.
     */
    public static List<ConsumerRecord<String, String>> readMarked(String topic, String... markers) {
        List<String> wanted = List.of(markers);
        Predicate<ConsumerRecord<String, String>> marked =
                r -> r.value() != null && wanted.stream().anyMatch(r.value()::contains);
        return readUntil(
                        topic,
                        Duration.ofSeconds(30),
                        all -> wanted.stream()
                                .allMatch(m -> all.stream()
                                        .anyMatch(r ->
                                                r.value() != null && r.value().contains(m))))
                .stream()
                .filter(marked)
                .toList();
    }

    /**
     * {@code record} as a consumer receives it (partition 0, the next offset of this JVM, its key, value and headers),
     * for tests that hand whole polls straight to a batch consumer so that what shares a poll is certain.
     */
    public static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> record) {
        return new ConsumerRecord<>(
                record.topic(),
                0,
                CONSUMED_OFFSETS.incrementAndGet(),
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                record.key(),
                record.value(),
                record.headers(),
                Optional.empty());
    }

    /** One poll holding {@code records} in this order, as a batch channel hands it over. */
    public static ConsumerRecords<String, String> poll(List<ConsumerRecord<String, String>> records) {
        return new ConsumerRecords<>(
                Map.of(new TopicPartition(records.get(0).topic(), 0), List.copyOf(records)), Map.of());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
