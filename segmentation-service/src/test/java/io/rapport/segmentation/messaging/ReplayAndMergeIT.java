package io.rapport.segmentation.messaging;

import static io.rapport.segmentation.messaging.EventFlowIT.awaitRevenue;
import static io.rapport.segmentation.messaging.EventFlowIT.classOf;
import static io.rapport.segmentation.messaging.EventFlowIT.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.Inbox;
import io.rapport.segmentation.TestData;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replays change nothing; merges combine profiles; erasures forget the person. */
@QuarkusTest
class ReplayAndMergeIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestData data;

    @Inject
    Inbox inbox;

    @Inject
    EventDispatcher dispatcher;

    @BeforeEach
    void reset() {
        data.reset();
    }

    /** Everything this service derives about some customers: figures, classes, history, events published. */
    private Map<String, Object> state(List<UUID> customers) {
        Map<String, Object> state = new HashMap<>();
        for (UUID id : customers) {
            var view = given().get("/api/v1/segments/customers/{id}", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            state.put(id + "/window", view.getMap("window"));
            state.put(id + "/lifetime", view.getMap("lifetime"));
            state.put(id + "/classes", view.getList("classes.classLabel"));
            state.put(id + "/mergedInto", String.valueOf(view.getString("mergedInto")));
            state.put(id + "/history", data.count("select count(*) from segment_change where customer_id = ?", id));
            state.put(
                    id + "/events", data.count("select count(*) from rapport_outbox where subject = ?", id.toString()));
            state.put(id + "/categories", data.count("select count(*) from category_month where customer_id = ?", id));
        }
        return state;
    }

    /** Reads a topic from its beginning to its current end. */
    static List<ConsumerRecord<String, String>> wholeTopic(String topic) {
        Map<String, Object> p =
                Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "enable.auto.commit", "false");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void consumingTheWholeTopicASecondTimeChangesNothing() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        Events.registered(a, "10000", true);
        Events.registered(b, null, false);
        Events.registered(gone, null, false);
        String p = Events.purchase(a, "800", "500", "TENTS", "BOOTS");
        Events.purchase(b, "300", "100", "BOOTS");
        Events.purchase(gone, "50", "10", "STOVES");
        Events.refund(a, p, "100", "60");
        Events.cost(b, "20");
        Events.complaint(b);
        awaitRevenue(gone, "lifetime", "50");
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201);
        data.awaitRunEvents();
        Events.merged(b, gone);
        Events.purchase(a, "40", "20", "STOVES");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(profile(gone).getString("mergedInto")).isEqualTo(b.toString());
            assertThat(new BigDecimal(profile(b).getString("lifetime.revenue"))).isEqualByComparingTo("350");
            assertThat(profile(b).getInt("window.complaints")).isEqualTo(1);
            assertThat(new BigDecimal(profile(a).getString("window.revenue"))).isEqualByComparingTo("840");
        });
        List<UUID> ours = List.of(a, b, gone);
        Map<String, Object> before = state(ours);
        long facts = data.count("select count(*) from applied_fact");

        // a second consumer with its own inbox reads both topics from the beginning
        int replayed = 0;
        for (String topic : Events.topics()) {
            for (ConsumerRecord<String, String> record : wholeTopic(topic)) {
                inbox.process("segmentation-replay", record, dispatcher::apply);
                replayed++;
            }
        }
        assertThat(replayed).isGreaterThanOrEqualTo(11);
        assertThat(state(ours)).isEqualTo(before);
        assertThat(data.count("select count(*) from applied_fact")).isEqualTo(facts);
    }

    @Test
    void aMergeCombinesTheTwoProfiles() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        Events.registered(survivor, null, false);
        Events.registered(merged, "7000", true);
        Events.purchase(survivor, "1000", "600", "TENTS");
        Events.purchase(merged, "500", "200", "BOOTS");
        Events.cost(merged, "30");
        awaitRevenue(merged, "lifetime", "500");
        awaitRevenue(survivor, "lifetime", "1000");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(new BigDecimal(profile(merged).getString("window.costToServe")))
                        .isEqualByComparingTo("30"));

        Events.merged(survivor, merged);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(profile(merged).getString("mergedInto")).isEqualTo(survivor.toString()));
        var view = profile(survivor);
        assertThat(new BigDecimal(view.getString("lifetime.revenue"))).isEqualByComparingTo("1500");
        assertThat(new BigDecimal(view.getString("window.costOfGoods"))).isEqualByComparingTo("800");
        assertThat(new BigDecimal(view.getString("window.costToServe"))).isEqualByComparingTo("30");
        assertThat(new BigDecimal(view.getString("window.profit"))).isEqualByComparingTo("670");
        assertThat(view.getInt("window.purchases")).isEqualTo(2);
        assertThat(view.getInt("window.categories")).isEqualTo(2);
        assertThat(new BigDecimal(view.getString("window.wallet"))).isEqualByComparingTo("7000");
        assertThat(view.getBoolean("target")).isTrue();
        assertThat(new BigDecimal(profile(merged).getString("lifetime.revenue")))
                .isEqualByComparingTo("0");

        // a late fact about the merged record goes to the survivor
        Events.purchase(merged, "250", "100", "STOVES");
        awaitRevenue(survivor, "lifetime", "1750");
    }

    @Test
    void anErasureForgetsThePersonButKeepsFiguresById() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Events.registered(id, "5000", true);
        Events.registered(other, null, false);
        Events.purchase(id, "900", "400", "TENTS");
        Events.purchase(other, "100", "40", "TENTS");
        awaitRevenue(id, "window", "900");
        awaitRevenue(other, "window", "100");
        given().contentType(ContentType.JSON)
                .body("{\"scheme\":\"ABC\"}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201);
        assertThat(classOf(id, "ABC")).isEqualTo("A");

        Events.erased(id);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(profile(id).getBoolean("erased")).isTrue());
        var view = profile(id);
        assertThat(view.getString("window.wallet")).isNull();
        assertThat(view.getBoolean("target")).isFalse();
        assertThat(view.getList("classes")).isEmpty();
        assertThat(data.count("select count(*) from segment_change where customer_id = ?", id))
                .isZero();
        assertThat(new BigDecimal(view.getString("window.revenue"))).isEqualByComparingTo("900");
        given().get("/api/v1/segments/worksheet/prospects")
                .then()
                .statusCode(200)
                .body("items.customerId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id.toString())));
    }
}
