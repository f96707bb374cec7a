package io.rapport.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A record that cannot be processed goes to customer.events.dlq; the records around it are still applied. */
@QuarkusTest
class PoisonEventIT {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheOthersAreApplied() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String marker = "poison-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(
                    CustomerEvents.PURCHASE_RECORDED.topic(), customer.toString(), "{\"" + marker + "\":1}"));
        }
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "42.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 42);

        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        bootstrap,
                        "group.id",
                        "dlq-check-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("customer.events.dlq"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(dead::add);
                return dead.stream().anyMatch(r -> r.value().contains(marker));
            });
        }
        ConsumerRecord<String, String> poison = dead.stream()
                .filter(r -> r.value().contains(marker))
                .findFirst()
                .orElseThrow();
        assertThat(poison.key()).isEqualTo(customer.toString());
        assertThat(new String(poison.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("ce_id");
    }
}
