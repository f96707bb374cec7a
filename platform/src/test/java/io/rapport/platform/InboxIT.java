package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.TestKafka;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxIT {
    private static final String TOPIC = "platform.probe";

    @Inject
    EntityManager em;

    @Test
    void aDuplicateDeliveryIsAppliedOnce() {
        String subject = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, id, "rapport.test.probe.v1", subject, "{\"n\":1}");
        TestKafka.send(TOPIC, id, "rapport.test.probe.v1", subject, "{\"n\":1}");
        String marker = TestKafka.send(TOPIC, "rapport.test.probe.v1", subject, "{\"n\":2}");

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject).contains(marker));
        assertThat(effects(subject)).containsExactly(id, marker);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextIsStillProcessed() {
        String subject = UUID.randomUUID().toString();
        String poison = TestKafka.send(TOPIC, "rapport.test.probe.v1", subject, "{\"poison\":true}");
        TestKafka.sendRaw(new ProducerRecord<>(TOPIC, subject, "no CloudEvents headers at all"));
        String next = TestKafka.send(TOPIC, "rapport.test.probe.v1", subject, "{\"n\":3}");

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject).contains(next));
        assertThat(effects(subject)).containsExactly(next);

        List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(TOPIC + ".dlq", Duration.ofSeconds(30),
                all -> all.stream().filter(r -> subject.equals(r.key())).count() >= 2).stream()
                .filter(r -> subject.equals(r.key())).toList();
        assertThat(dead).hasSize(2);
        assertThat(TestKafka.header(dead.get(0), "ce_id")).isEqualTo(poison);
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason")).contains("poison payload");
        assertThat(TestKafka.header(dead.get(1), "dead-letter-reason")).contains("lacks ce_id");
    }

    private List<String> effects(String subject) {
        @SuppressWarnings("unchecked")
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select event_id from probe_effect where subject = ?1 order by id")
                .setParameter(1, subject).getResultList());
        return ids;
    }
}
