package io.rapport.loyalty;

import static io.rapport.loyalty.Fixtures.balance;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.CustomerEventsChannel;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The set-based batch path: whole polls handed to the consumer as the Kafka connector would, so that what shares a
 * batch is certain.
 */
@QuarkusTest
class PurchaseBatchIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    CustomerEventsChannel consumer;

    @Test
    void duplicatesInsideOneBatchEarnOnce() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID purchase = UUID.randomUUID();
        var event = CustomerEventsProducer.purchase(purchase, customer, "EUR", "120.00");
        String ceId = UUID.randomUUID().toString();

        consumer.onBatch(batch(
                record(CustomerEvents.PURCHASE_RECORDED, customer, event, ceId),
                record(CustomerEvents.PURCHASE_RECORDED, customer, event, ceId),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        event,
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "5.00"),
                        UUID.randomUUID().toString())));

        assertThat(balance(member)).isEqualTo(125);
        assertThat(PurchaseEventsIT.ledger(member))
                .extracting(e -> e.get("points"))
                .containsExactlyInAnyOrder(120, 5);
    }

    @Test
    void redeliveryOfTheWholeBatchEarnsNothingTwice() {
        String programme = Fixtures.programme(0, 0);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String a = (String) Fixtures.enrol(programme, first).get("id");
        String b = (String) Fixtures.enrol(programme, second).get("id");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            UUID customer = i % 2 == 0 ? first : second;
            records.add(record(
                    CustomerEvents.PURCHASE_RECORDED,
                    customer,
                    CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", i + ".00"),
                    UUID.randomUUID().toString()));
        }
        consumer.onBatch(batch(records.toArray(ConsumerRecord[]::new)));
        assertThat(balance(a)).isEqualTo(240);
        assertThat(balance(b)).isEqualTo(225);

        consumer.onBatch(batch(records.toArray(ConsumerRecord[]::new)));
        // a replay of the topic by another producer: new event ids, the same purchases
        consumer.onBatch(batch(records.stream()
                .map(r -> record(
                        CustomerEvents.PURCHASE_RECORDED,
                        UUID.fromString(r.key()),
                        r.value(),
                        UUID.randomUUID().toString()))
                .toArray(ConsumerRecord[]::new)));

        assertThat(balance(a)).isEqualTo(240);
        assertThat(balance(b)).isEqualTo(225);
        assertThat(PurchaseEventsIT.ledger(a)).hasSize(15);
        assertThat(PurchaseEventsIT.ledger(b)).hasSize(15);
    }

    @Test
    void aRefundInTheSameBatchAsItsPurchaseReversesIt() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID purchase = UUID.randomUUID();

        consumer.onBatch(batch(
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        CustomerEventsProducer.purchase(purchase, customer, "EUR", "300.00"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_REFUNDED,
                        customer,
                        CustomerEventsProducer.refund(purchase, customer, "EUR", "100.00"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "10.00"),
                        UUID.randomUUID().toString())));

        assertThat(balance(member)).isEqualTo(210);
        assertThat(PurchaseEventsIT.ledger(member))
                .extracting(e -> e.get("kind") + " " + e.get("points"))
                .containsExactlyInAnyOrder("EARN 300", "REVERSE -100", "EARN 10");
    }

    @Test
    void anUpgradeInsideABatchRaisesTheMultiplierOfTheLaterPurchases() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");

        consumer.onBatch(batch(
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "1500.00"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "1000.00"),
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "100.00"),
                        UUID.randomUUID().toString())));

        assertThat(balance(member)).isEqualTo(1500 + 1000 + 150);
        assertThat(Fixtures.tier(member)).isEqualTo("GOLD");
        List<Map<String, Object>> history = given().get("/api/v1/loyalty/members/{id}/tier-history", member)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(history).extracting(h -> h.get("toTier")).containsExactly("SILVER", "GOLD");
        assertThat((String) history.get(1).get("reason")).contains("2500 points earned");
    }

    @Test
    void aPoisonRecordInABatchGoesToTheDeadLetterTopicWhileTheRestIsApplied() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        String headerless = "headerless-" + UUID.randomUUID();
        String unreadable = "unreadable-" + UUID.randomUUID();
        ConsumerRecord<String, String> noCloudEvent = TestKafka.consumed(new ProducerRecord<>(
                CustomerEvents.PURCHASE_RECORDED.topic(), customer.toString(), "{\"" + headerless + "\":1}"));

        consumer.onBatch(batch(
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "40.00"),
                        UUID.randomUUID().toString()),
                noCloudEvent,
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        "{" + unreadable,
                        UUID.randomUUID().toString()),
                record(
                        CustomerEvents.PURCHASE_RECORDED,
                        customer,
                        CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "2.00"),
                        UUID.randomUUID().toString())));

        assertThat(balance(member)).isEqualTo(42);
        List<ConsumerRecord<String, String>> dead = deadLetters(headerless, unreadable);
        assertThat(dead).allSatisfy(r -> assertThat(r.key()).isEqualTo(customer.toString()));
        assertThat(reason(dead, headerless)).contains("ce_id");
        assertThat(reason(dead, unreadable)).contains("payload does not match");
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

    @SafeVarargs
    private static ConsumerRecords<String, String> batch(ConsumerRecord<String, String>... records) {
        return TestKafka.poll(List.of(records));
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
}
