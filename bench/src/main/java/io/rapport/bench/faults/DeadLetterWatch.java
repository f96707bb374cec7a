package io.rapport.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.contracts.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The dead letters a scenario produced, seen two ways: the records added to every dead-letter topic ({@code *.dlq*})
 * since the scenario began, and, where the services offer it, the PENDING items of the dead-letter admin API
 * ({@code /api/v1/admin/<service>/dead-letters}) that failed since then. A dead letter is the harness's poison when its
 * event id is the poison's.
 */
final class DeadLetterWatch {
    /** One dead letter: where it was seen, its event id and why it failed. */
    record DeadLetter(String where, String eventId, String error) {}

    private static final List<String> API_SERVICES = List.of("customer", "segmentation", "engagement", "loyalty");
    private final String bootstrap;
    private final GatewayApi api;
    private Map<TopicPartition, Long> start = Map.of();
    private Instant since = Instant.now();

    DeadLetterWatch(String bootstrap, GatewayApi api) {
        this.bootstrap = bootstrap;
        this.api = api;
    }

    /** Remembers where every dead-letter topic ends now. */
    void mark() {
        since = Instant.now();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            start = consumer.endOffsets(partitions(consumer), Duration.ofSeconds(30));
        }
    }

    /** The dead letters added since {@link #mark()}. */
    List<DeadLetter> since() {
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long s = start.getOrDefault(tp, 0L);
                if (end.getOrDefault(tp, 0L) > s) {
                    from.put(tp, s);
                }
            }
            if (!from.isEmpty()) {
                consumer.assign(from.keySet());
                from.forEach(consumer::seek);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!from.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                        if (from.containsKey(tp) && r.offset() < end.get(tp)) {
                            out.add(new DeadLetter(
                                    r.topic(),
                                    header(r, CloudEvents.ID),
                                    firstNonNull(header(r, "dead-letter-reason"), header(r, "dead-letter-cause"), "")));
                        }
                    }
                    from.keySet().removeIf(tp -> consumer.position(tp) >= end.get(tp));
                }
            }
        }
        out.addAll(fromAdminApi());
        return out;
    }

    /** PENDING items of the admin API that failed since the mark; none where the API does not exist (yet). */
    private List<DeadLetter> fromAdminApi() {
        List<DeadLetter> out = new ArrayList<>();
        for (String service : API_SERVICES) {
            GatewayApi.Reply reply = api.get("/api/v1/admin/" + service + "/dead-letters?status=PENDING&size=200");
            if (!reply.ok()) {
                continue;
            }
            for (JsonNode item : reply.body().path("items")) {
                String failed = item.path("lastFailedAt").asText("");
                if (!failed.isEmpty() && Instant.parse(failed).isBefore(since)) {
                    continue;
                }
                out.add(new DeadLetter(
                        "api:" + service + "/" + item.path("consumer").asText(""),
                        item.path("eventId").asText(null),
                        item.path("error").asText("")));
            }
        }
        return out;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> out = new ArrayList<>();
        for (Map.Entry<String, List<PartitionInfo>> topic :
                consumer.listTopics(Duration.ofSeconds(30)).entrySet()) {
            if (topic.getKey().contains(".dlq")) {
                topic.getValue().forEach(p -> out.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
