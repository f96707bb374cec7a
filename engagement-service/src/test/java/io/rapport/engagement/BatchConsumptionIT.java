package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.CustomerEventsChannel;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch path of customer.events: a poll is applied in one transaction with its purchases scheduled together. The
 * first three tests hand one poll straight to the consumer (so the records are certainly in one batch); the last
 * replays the whole topic through the broker.
 */
@QuarkusTest
class BatchConsumptionIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    CustomerEventsChannel consumer;

    @Inject
    EntityManager em;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T12:00:00Z");
    }

    @Test
    void theSamePurchaseTwiceInOneBatchSchedulesOneContact() {
        UUID id = fixtures.customer("Europe/London", "ACCOUNTABLE");
        String purchase = purchase(id, "D-1", "2026-05-04T10:00:00Z");
        String eventId = UUID.randomUUID().toString();

        consumer.onBatch(poll(
                event(id, eventId, purchase),
                event(id, eventId, purchase), // redelivered: same ce_id
                event(id, UUID.randomUUID().toString(), purchase))); // re-published by the source: a new ce_id

        assertThat(contacts(id))
                .singleElement()
                .satisfies(c -> assertThat(c.getString("dueAt")).isEqualTo("2026-05-11T10:00:00Z"));
    }

    @Test
    void twoPurchasesOfOneCustomerInOneBatchRespectTheOneInThreeDaysCap() {
        UUID id = fixtures.customer("Europe/London", "ACCOUNTABLE");

        consumer.onBatch(poll(
                event(id, UUID.randomUUID().toString(), purchase(id, "C-1", "2026-05-04T10:00:00Z")),
                event(id, UUID.randomUUID().toString(), purchase(id, "C-2", "2026-05-04T11:00:00Z"))));

        List<Instant> due = contacts(id).stream()
                .map(c -> Instant.parse(c.getString("dueAt")))
                .sorted()
                .toList();
        assertThat(due).containsExactly(Instant.parse("2026-05-11T10:00:00Z"), Instant.parse("2026-05-14T10:00:00Z"));
        List<String> rules = given().get("/api/v1/engagement/customers/{id}/contact-adjustments", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rule");
        assertThat(rules).containsExactly("FREQUENCY_CAP");
    }

    @Test
    void poisonRecordsInABatchGoToTheDeadLetterTopicWhileTheRestIsApplied() {
        UUID alice = fixtures.customer("Europe/London", "ACCOUNTABLE");
        UUID bob = fixtures.customer("Europe/London", "ACCOUNTABLE");
        String marker = "poison-" + UUID.randomUUID();
        ConsumerRecord<String, String> poison = TestKafka.consumed(
                new ProducerRecord<>( // no CloudEvents headers
                        CustomerEvents.PURCHASE_RECORDED.topic(), alice.toString(), "{\"" + marker + "\":1}"));

        String unreadable =
                purchase(bob, "X-0", "2026-05-04T10:00:00Z").replace(bob.toString(), marker); // no customer id

        consumer.onBatch(poll(
                event(alice, UUID.randomUUID().toString(), purchase(alice, "X-1", "2026-05-04T10:00:00Z")),
                poison,
                event(bob, UUID.randomUUID().toString(), unreadable),
                event(bob, UUID.randomUUID().toString(), purchase(bob, "X-2", "2026-05-04T10:00:00Z"))));

        assertThat(contacts(alice)).hasSize(1);
        assertThat(contacts(bob)).hasSize(1);
        List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(
                "customer.events.dlq",
                Duration.ofSeconds(30),
                read -> read.stream().filter(r -> r.value().contains(marker)).count() == 2);
        Map<String, String> reasons = dead.stream()
                .filter(r -> r.value().contains(marker))
                .collect(Collectors.toMap(ConsumerRecord::key, r -> TestKafka.header(r, "dead-letter-reason")));
        assertThat(reasons).containsOnlyKeys(alice.toString(), bob.toString());
        assertThat(reasons.get(alice.toString())).contains("ce_id");
        assertThat(reasons.get(bob.toString())).contains("no customer id");
    }

    @Test
    void replayingTheWholeTopicSchedulesNothingNew() throws Exception {
        UUID alice = fixtures.customer("America/New_York", "ACCOUNTABLE");
        UUID bob = fixtures.customer("Europe/London", "ACCOUNTABLE");
        List<ProducerRecord<String, String>> purchases = List.of(
                TestKafka.cloudEvent(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        UUID.randomUUID().toString(),
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        "/test",
                        alice.toString(),
                        purchase(alice, "R-1", "2026-05-04T10:00:00Z")),
                TestKafka.cloudEvent(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        UUID.randomUUID().toString(),
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        "/test",
                        alice.toString(),
                        purchase(alice, "R-2", "2026-05-05T10:00:00Z")),
                TestKafka.cloudEvent(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        UUID.randomUUID().toString(),
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        "/test",
                        bob.toString(),
                        purchase(bob, "R-3", "2026-05-04T10:00:00Z")));
        try (var producer = producer()) {
            for (ProducerRecord<String, String> p : purchases) {
                producer.send(p).get();
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts(alice).size() == 2 && contacts(bob).size() == 1);
        Map<String, Long> before = counts();

        List<String> republished = new ArrayList<>();
        try (var producer = producer()) {
            // a consumer-group reset: every record of the topic once more, as it was
            for (ConsumerRecord<String, String> r : readAll(CustomerEvents.PURCHASE_RECORDED.topic())) {
                producer.send(new ProducerRecord<>(
                        r.topic(),
                        null,
                        r.key(),
                        r.value(),
                        new RecordHeaders(r.headers().toArray())));
            }
            // and this test's purchases published again by their source: new event ids, the same purchases
            for (ProducerRecord<String, String> p : purchases) {
                String id = UUID.randomUUID().toString();
                republished.add(id);
                producer.send(TestKafka.cloudEvent(
                        p.topic(), id, CustomerEvents.PURCHASE_RECORDED.name(), "/test", p.key(), p.value()));
            }
            producer.flush();
        }
        Map<TopicPartition, Long> ends = endOffsets(CustomerEvents.PURCHASE_RECORDED.topic());
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedUpTo(ends) && inboxHas(republished));

        assertThat(counts()).isEqualTo(before);
        assertThat(contacts(alice)).hasSize(2);
        assertThat(contacts(bob)).hasSize(1);
    }

    /** Contacts, adjustments and published contact events: a replay must add none. */
    private Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> m = new HashMap<>();
            for (String sql : List.of(
                    "select count(*) from contact",
                    "select count(*) from contact_adjustment",
                    "select count(*) from rapport_outbox where type like 'rapport.engagement.contact-%'")) {
                m.put(sql, ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
            }
            return m;
        });
    }

    private boolean inboxHas(List<String> eventIds) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from rapport_inbox"
                                                + " where consumer = 'engagement' and event_id in (?1)")
                                        .setParameter(1, eventIds)
                                        .getSingleResult())
                                .longValue()
                        == eventIds.size());
    }

    private static boolean consumedUpTo(Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("engagement-service")
                    .partitionsToOffsetAndMetadata()
                    .get();
            return ends.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0
                            || committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset() >= e.getValue());
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (var reader = reader()) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            assertThat(partitions).allMatch(p -> reader.position(p) >= ends.get(p));
            return all.stream()
                    .filter(r -> r.offset() < ends.get(new TopicPartition(r.topic(), r.partition())))
                    .collect(Collectors.toList());
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        try (var reader = reader()) {
            return reader.endOffsets(reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList());
        }
    }

    private static KafkaConsumer<String, String> reader() {
        return new KafkaConsumer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "enable.auto.commit", "false"),
                new StringDeserializer(),
                new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    @SafeVarargs
    private static ConsumerRecords<String, String> poll(ConsumerRecord<String, String>... records) {
        return TestKafka.poll(List.of(records));
    }

    private static ConsumerRecord<String, String> event(UUID customer, String eventId, String payload) {
        return TestKafka.consumed(TestKafka.cloudEvent(
                CustomerEvents.PURCHASE_RECORDED.topic(),
                eventId,
                CustomerEvents.PURCHASE_RECORDED.name(),
                "/test",
                customer.toString(),
                payload));
    }

    private static String purchase(UUID customer, String order, String at) {
        try {
            return JSON.writeValueAsString(new PurchaseRecorded(
                    UUID.nameUUIDFromBytes((customer + order).getBytes()).toString(),
                    customer.toString(),
                    "shop",
                    order,
                    Instant.parse(at),
                    "EUR",
                    "120.00",
                    "70.00",
                    "WEB",
                    null,
                    List.of()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonPath> contacts(UUID id) {
        JsonPath page = given().get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int size = page.getList("items").size();
        return java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> new JsonPath(page.prettify()).setRootPath("items[" + i + "]"))
                .toList();
    }
}
