package io.rapport.segmentation.messaging;

import static io.rapport.segmentation.messaging.EventFlowIT.classOf;
import static io.rapport.segmentation.messaging.EventFlowIT.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.CustomerEventsChannel;
import io.rapport.platform.inbox.Inbox;
import io.rapport.segmentation.TestData;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The set-based batch path: whole polls handed to the consumption as the Kafka connector would, so that what shares a
 * batch is certain.
 */
@QuarkusTest
class BatchConsumptionIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    CustomerEventsChannel customerEvents;

    @Inject
    Inbox inbox;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private void poll(ConsumerRecord<String, String>... records) {
        consume("segmentation", TestKafka.poll(List.of(records)));
    }

    @Test
    void duplicatesInsideOneBatchCountOnce() {
        UUID customer = UUID.randomUUID();
        PurchaseRecorded tent = purchase(customer, "300", "120", "TENTS");
        String ceId = UUID.randomUUID().toString();

        poll(
                record(CustomerEvents.PURCHASE_RECORDED, customer, tent, ceId),
                record(CustomerEvents.PURCHASE_RECORDED, customer, tent, ceId),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        tent,
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        purchase(customer, "20", "5", "TENTS", "BOOTS"),
                        UUID.randomUUID().toString()));

        var view = profile(customer);
        assertThat(new BigDecimal(view.getString("lifetime.revenue"))).isEqualByComparingTo("320");
        assertThat(new BigDecimal(view.getString("lifetime.costOfGoods"))).isEqualByComparingTo("125");
        assertThat(view.getInt("lifetime.purchases")).isEqualTo(2);
        assertThat(view.getInt("lifetime.categories")).isEqualTo(2);
        assertThat(data.count("select sum(purchases) from category_month where customer_id = ?", customer))
                .isEqualTo(3);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWhileTheRestIsApplied() {
        UUID customer = UUID.randomUUID();
        String headerless = "headerless-" + UUID.randomUUID();
        String unreadable = "unreadable-" + UUID.randomUUID();
        ConsumerRecord<String, String> noCloudEvent = TestKafka.consumed(new ProducerRecord<>(
                CustomerEvents.PURCHASE_RECORDED.topic(), customer.toString(), "{\"" + headerless + "\":1}"));

        poll(
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        purchase(customer, "40", "10", "TENTS"),
                        UUID.randomUUID().toString()),
                noCloudEvent,
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        "{\"" + unreadable + "\":",
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        purchase(customer, "2", "1", "BOOTS"),
                        UUID.randomUUID().toString()));

        assertThat(new BigDecimal(profile(customer).getString("lifetime.revenue")))
                .isEqualByComparingTo("42");
        List<ConsumerRecord<String, String>> dead = deadLetters(headerless, unreadable);
        assertThat(dead).allSatisfy(r -> assertThat(r.key()).isEqualTo(customer.toString()));
        assertThat(reason(dead, headerless)).contains("ce_id");
        assertThat(reason(dead, unreadable)).contains("payload does not match");
    }

    @Test
    void aMergeAndPurchasesOfTheMergedCustomerInOneBatch() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        poll(
                record(
                        CustomerEvents.REGISTERED,
                        survivor,
                        registered(survivor, null),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.REGISTERED,
                        merged,
                        registered(merged, "9000"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        survivor,
                        purchase(survivor, "1000", "600", "TENTS"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        merged,
                        purchase(merged, "500", "200", "BOOTS"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.MERGED,
                        merged,
                        new CustomerMerged(survivor.toString(), merged.toString(), "tester", Instant.now()),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        merged,
                        purchase(merged, "250", "100", "STOVES"),
                        UUID.randomUUID().toString()));

        var view = profile(survivor);
        assertThat(new BigDecimal(view.getString("lifetime.revenue"))).isEqualByComparingTo("1750");
        assertThat(new BigDecimal(view.getString("lifetime.costOfGoods"))).isEqualByComparingTo("900");
        assertThat(view.getInt("lifetime.purchases")).isEqualTo(3);
        assertThat(view.getInt("lifetime.categories")).isEqualTo(3);
        assertThat(new BigDecimal(view.getString("window.wallet"))).isEqualByComparingTo("9000");
        assertThat(profile(merged).getString("mergedInto")).isEqualTo(survivor.toString());
        assertThat(new BigDecimal(profile(merged).getString("lifetime.revenue")))
                .isEqualByComparingTo("0");
    }

    @Test
    void aBatchReclassifiesItsCustomersOnceAgainstTheLastRuns() {
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        UUID riser = UUID.randomUUID();
        poll(
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        big,
                        purchase(big, "800", "100", "TENTS"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        small,
                        purchase(small, "150", "10", "TENTS"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        riser,
                        purchase(riser, "50", "5", "TENTS"),
                        UUID.randomUUID().toString()));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201);
        data.awaitRunEvents();
        assertThat(classOf(riser, "ABC")).isEqualTo("C");
        assertThat(classOf(riser, "VALUE")).isEqualTo("OTHER");
        long events = data.count("select count(*) from rapport_outbox where subject = ?", riser.toString());

        // below zero (BZ) and back inside one batch: no real change, nothing published
        poll(
                record(
                        CustomerEvents.COST_RECORDED,
                        riser,
                        new CostRecorded(
                                UUID.randomUUID().toString(),
                                riser.toString(),
                                "SERVICE_CALL",
                                "100",
                                "EUR",
                                Instant.now()),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        riser,
                        purchase(riser, "60", "0", "BOOTS"),
                        UUID.randomUUID().toString()));
        assertThat(new BigDecimal(profile(riser).getString("window.profit"))).isEqualByComparingTo("5");
        assertThat(classOf(riser, "ABC")).isEqualTo("C");
        assertThat(classOf(riser, "VALUE")).isEqualTo("OTHER");
        assertThat(data.count("select count(*) from rapport_outbox where subject = ?", riser.toString()))
                .isEqualTo(events);

        // two purchases in one batch lift it to A (revenue 910 >= 800) and MVC (profit 705 >= 700): one change each
        poll(
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        riser,
                        purchase(riser, "400", "50", "BOOTS"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        riser,
                        purchase(riser, "400", "50", "STOVES"),
                        UUID.randomUUID().toString()));
        assertThat(classOf(riser, "ABC")).isEqualTo("A");
        assertThat(classOf(riser, "VALUE")).isEqualTo("MVC");
        assertThat(data.count(
                        "select count(*) from rapport_outbox where subject = ? and payload::jsonb ->> 'runId' is null",
                        riser.toString()))
                .isEqualTo(2);
        assertThat(data.count(
                        "select count(*) from segment_change where customer_id = ? and run_id is null and scheme = 'ABC'"
                                + " and from_class = 'C' and to_class = 'A'",
                        riser))
                .isEqualTo(1);
        assertThat(data.count(
                        "select count(*) from segment_change where customer_id = ? and run_id is null and scheme = 'VALUE'"
                                + " and from_class = 'OTHER' and to_class = 'MVC'",
                        riser))
                .isEqualTo(1);
    }

    @Test
    void consumingTheWholeTopicTwiceInBatchesChangesNothing() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Events.registered(a, "10000", true);
        Events.registered(b, null, false);
        String p = Events.purchase(a, "800", "500", "TENTS", "BOOTS");
        Events.purchase(b, "300", "100", "BOOTS");
        Events.refund(a, p, "100", "60");
        Events.cost(b, "20");
        Events.complaint(b);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(profile(b).getInt("window.complaints")).isEqualTo(1);
            assertThat(new BigDecimal(profile(a).getString("window.refunds"))).isEqualByComparingTo("100");
            assertThat(new BigDecimal(profile(b).getString("window.costToServe")))
                    .isEqualByComparingTo("20");
        });
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201);
        data.awaitRunEvents();
        Map<String, Object> before = state(List.of(a, b));
        long facts = data.count("select count(*) from applied_fact");

        for (String consumer : List.of("segmentation", "segmentation-batch-replay")) {
            for (String topic : Events.topics()) {
                List<ConsumerRecord<String, String>> all = ReplayAndMergeIT.wholeTopic(topic);
                for (int from = 0; from < all.size(); from += 7) {
                    consume(consumer, TestKafka.poll(all.subList(from, Math.min(all.size(), from + 7))));
                }
            }
        }
        assertThat(state(List.of(a, b))).isEqualTo(before);
        assertThat(data.count("select count(*) from applied_fact")).isEqualTo(facts);
    }

    private Map<String, Object> state(List<UUID> customers) {
        Map<String, Object> state = new HashMap<>();
        for (UUID id : customers) {
            var view = profile(id);
            state.put(id + "/window", view.getMap("window"));
            state.put(id + "/lifetime", view.getMap("lifetime"));
            state.put(id + "/classes", view.getList("classes.classLabel"));
            state.put(id + "/history", data.count("select count(*) from segment_change where customer_id = ?", id));
            state.put(
                    id + "/events", data.count("select count(*) from rapport_outbox where subject = ?", id.toString()));
            state.put(id + "/categories", data.count("select count(*) from category_month where customer_id = ?", id));
        }
        return state;
    }

    private static PurchaseRecorded purchase(UUID customer, String total, String cogs, String... categories) {
        String id = UUID.randomUUID().toString();
        List<PurchaseLine> lines = java.util.Arrays.stream(categories)
                .map(c -> new PurchaseLine(UUID.randomUUID().toString(), "SKU-" + c, c, 1, total, cogs, total))
                .toList();
        return new PurchaseRecorded(
                id, customer.toString(), "shop", "O-" + id, Instant.now(), "EUR", total, cogs, "WEB", null, lines);
    }

    private static CustomerRegistered registered(UUID id, String wallet) {
        return new CustomerRegistered(new CustomerSnapshot(
                id.toString(),
                "CONSUMER",
                "ACTIVE",
                "en",
                "UTC",
                null,
                null,
                wallet == null ? null : new io.rapport.contracts.customer.Money(wallet, "EUR"),
                false,
                Map.of(),
                false,
                List.of(),
                Instant.now().minusSeconds(86_400L * 400),
                1,
                null));
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String... markers) {
        return TestKafka.readMarked("customer.events.dlq", markers);
    }

    private static String reason(List<ConsumerRecord<String, String>> dead, String marker) {
        return TestKafka.header(
                dead.stream()
                        .filter(d -> d.value().contains(marker))
                        .findFirst()
                        .orElseThrow(),
                "dead-letter-reason");
    }

    private static ConsumerRecord<String, String> record(EventType type, UUID customer, Object payload, String ceId) {
        String json;
        try {
            json = payload instanceof String s ? s : JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return TestKafka.consumed(
                TestKafka.cloudEvent(type.topic(), ceId, type.name(), "/test", customer.toString(), json));
    }

    /** A poll through the consumer, or through the same inbox life cycle under another consumer name (a replay). */
    private void consume(String consumer, ConsumerRecords<String, String> records) {
        if ("segmentation".equals(consumer)) {
            customerEvents.onBatch(records);
        } else {
            inbox.consume(consumer, records, dispatcher::applyAll, dispatcher::apply);
        }
    }
}
