package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.CloudEvents;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxIT {
    private static final String TOPIC = "platform.probe";
    private static final String BATCH_TOPIC = "platform.batch";

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

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

        List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(
                        TOPIC + ".dlq",
                        Duration.ofSeconds(30),
                        all -> all.stream().filter(r -> subject.equals(r.key())).count() >= 2)
                .stream()
                .filter(r -> subject.equals(r.key()))
                .toList();
        assertThat(dead).hasSize(2);
        assertThat(TestKafka.header(dead.get(0), "ce_id")).isEqualTo(poison);
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason")).contains("poison payload");
        assertThat(TestKafka.header(dead.get(1), "dead-letter-reason")).contains("lacks ce_id");
    }

    @Test
    void aBatchChannelAppliesThePollOnceAndSendsOnlyTheBadRecordsToTheDeadLetterTopic() {
        String subject = UUID.randomUUID().toString();
        String good = TestKafka.send(BATCH_TOPIC, "rapport.test.probe.v1", subject, "{\"n\":1}");
        TestKafka.send(BATCH_TOPIC, good, "rapport.test.probe.v1", subject, "{\"n\":1}");
        String poison = TestKafka.send(BATCH_TOPIC, "rapport.test.probe.v1", subject, "{\"poison\":true}");
        TestKafka.sendRaw(new ProducerRecord<>(BATCH_TOPIC, subject, "no CloudEvents headers at all"));
        String last = TestKafka.send(BATCH_TOPIC, "rapport.test.probe.v1", subject, "{\"n\":2}");

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject).contains(last));
        assertThat(effects(subject)).containsExactly(good, last);
        List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(
                        BATCH_TOPIC + ".dlq",
                        Duration.ofSeconds(30),
                        all -> all.stream().filter(r -> subject.equals(r.key())).count() >= 2)
                .stream()
                .filter(r -> subject.equals(r.key()))
                .toList();
        assertThat(dead)
                .extracting(r -> TestKafka.header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).isEqualTo("poison payload"))
                .anySatisfy(reason -> assertThat(reason).contains("lacks ce_id"));
        assertThat(dead)
                .filteredOn(r -> r.value().contains("poison"))
                .singleElement()
                .satisfies(r -> assertThat(TestKafka.header(r, "ce_id")).isEqualTo(poison))
                .satisfies(r ->
                        assertThat(TestKafka.header(r, "dead-letter-topic")).isEqualTo(BATCH_TOPIC));
    }

    @Test
    void aBatchAppliesEachNewEventOnceInOrderAndSkipsWhatWasProcessedBefore() {
        String subject = UUID.randomUUID().toString();
        String seen = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        assertThat(inbox.processAll("batch-probe", List.of(record(seen, subject)), this::effect))
                .isTrue();

        List<ConsumerRecord<String, String>> batch =
                List.of(record(first, subject), record(seen, subject), record(second, subject), record(first, subject));
        assertThat(inbox.processAll("batch-probe", batch, this::effect)).isTrue();
        assertThat(effects(subject)).containsExactly(seen, first, second);

        assertThat(inbox.processAll("batch-probe", batch, this::effect)).isTrue();
        assertThat(effects(subject)).containsExactly(seen, first, second);
    }

    @Test
    void aSetBasedBatchReceivesOnlyTheNewEventsInOneCall() {
        String subject = UUID.randomUUID().toString();
        String seen = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        assertThat(inbox.processAll("set-probe", List.of(record(seen, subject)), this::effect))
                .isTrue();

        List<List<String>> calls = new java.util.ArrayList<>();
        assertThat(inbox.processBatch(
                        "set-probe",
                        List.of(record(seen, subject), record(fresh, subject), record(fresh, subject)),
                        events ->
                                calls.add(events.stream().map(IncomingEvent::id).toList())))
                .isTrue();
        assertThat(calls).containsExactly(List.of(fresh));

        calls.clear();
        assertThat(inbox.processBatch(
                        "set-probe",
                        List.of(record(seen, subject), record(fresh, subject)),
                        events ->
                                calls.add(events.stream().map(IncomingEvent::id).toList())))
                .isTrue();
        assertThat(calls).isEmpty();
    }

    @Test
    void aFailingRecordRollsBackTheWholeBatchAndAnswersFalse() {
        String subject = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> batch = List.of(record(good, subject), record(bad, subject));

        assertThat(inbox.processAll("batch-probe", batch, event -> {
                    if (event.id().equals(bad)) {
                        throw new IllegalStateException("poison");
                    }
                    effect(event);
                }))
                .isFalse();
        assertThat(effects(subject)).isEmpty();
        assertThat(inbox.processAll("batch-probe", List.of(record(good, subject)), this::effect))
                .isTrue();
        assertThat(effects(subject)).containsExactly(good);
    }

    @Test
    void pruningForgetsOnlyTheEventsProcessedBeforeTheCutOffBatchByBatch() {
        String consumer = "prune-probe-" + UUID.randomUUID();
        java.time.Instant cutOff = java.time.Instant.parse("2020-01-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into rapport_inbox (consumer, event_id, event_type, processed_at)
                            select ?1, 'old-' || n, 't', cast(?2 as timestamptz) - make_interval(days => n) from generate_series(1, ?3) n""")
                    .setParameter(1, consumer)
                    .setParameter(2, cutOff)
                    .setParameter(3, 5_000 + 7) // more than one batch
                    .executeUpdate();
            em.createNativeQuery("insert into rapport_inbox (consumer, event_id, event_type, processed_at)"
                            + " values (?1, 'recent', 't', ?2)")
                    .setParameter(1, consumer)
                    .setParameter(2, cutOff.plusSeconds(1))
                    .executeUpdate();
        });

        assertThat(inbox.prune(cutOff)).isGreaterThanOrEqualTo(5_007);

        @SuppressWarnings("unchecked")
        List<String> left = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select event_id from rapport_inbox where consumer = ?1")
                        .setParameter(1, consumer)
                        .getResultList());
        assertThat(left).containsExactly("recent");
    }

    private static ConsumerRecord<String, String> record(String id, String subject) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(TOPIC, 0, 0L, subject, "{}");
        r.headers().add(CloudEvents.ID, id.getBytes(StandardCharsets.UTF_8));
        r.headers().add(CloudEvents.TYPE, "rapport.test.probe.v1".getBytes(StandardCharsets.UTF_8));
        r.headers().add(CloudEvents.SUBJECT, subject.getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private void effect(IncomingEvent event) {
        em.createNativeQuery("insert into probe_effect (event_id, subject, payload) values (?1, ?2, ?3)")
                .setParameter(1, event.id())
                .setParameter(2, event.subject())
                .setParameter(3, event.payload())
                .executeUpdate();
    }

    private List<String> effects(String subject) {
        @SuppressWarnings("unchecked")
        List<String> ids = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select event_id from probe_effect where subject = ?1 order by id")
                        .setParameter(1, subject)
                        .getResultList());
        return ids;
    }
}
