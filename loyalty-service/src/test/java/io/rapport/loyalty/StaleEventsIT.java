package io.rapport.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.CustomerEventsChannel;
import io.rapport.platform.inbox.SegmentationEventsChannel;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Loyalty's projections keep the newest state of a customer: a CustomerUpdated or SegmentChanged older (by its
 * {@code ce_sequence}) than one already applied, replayed or reordered, does not overwrite it.
 */
@QuarkusTest
class StaleEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    CustomerEventsChannel customerEvents;

    @Inject
    SegmentationEventsChannel segmentationEvents;

    @Inject
    EntityManager em;

    @Test
    void aReplayedOrReorderedCustomerUpdatedDoesNotOverwriteNewerContactData() {
        UUID id = UUID.randomUUID();
        customerEvents.onBatch(
                TestKafka.poll(List.of(updated(id, 1, "old@example.org"), updated(id, 2, "new@example.org"))));
        assertThat(emails(id)).contains("new@example.org").doesNotContain("old@example.org");

        customerEvents.onBatch(TestKafka.poll(List.of(updated(id, 1, "old@example.org")))); // replayed, new event id
        assertThat(emails(id)).contains("new@example.org").doesNotContain("old@example.org");

        customerEvents.onBatch(
                TestKafka.poll(List.of(updated(id, 4, "newest@example.org"), updated(id, 3, "old@example.org"))));
        assertThat(emails(id)).contains("newest@example.org").doesNotContain("old@example.org");
    }

    @Test
    void aReplayedOrReorderedSegmentChangedDoesNotOverwriteANewerClass() {
        UUID id = UUID.randomUUID();
        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 1, "ABC", "B"))));
        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 2, "ABC", "C"))));
        assertThat(segmentClass(id, "ABC")).isEqualTo("C");

        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 1, "ABC", "B")))); // replayed
        assertThat(segmentClass(id, "ABC")).isEqualTo("C");

        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 6, "ABC", "B"))));
        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 5, "ABC", "C")))); // arrives after a newer one
        assertThat(segmentClass(id, "ABC")).isEqualTo("B");

        segmentationEvents.onBatch(
                TestKafka.poll(List.of(segment(id, 3, "VALUE", "MGC")))); // another scheme is not stale
        assertThat(segmentClass(id, "VALUE")).isEqualTo("MGC");
    }

    private static ConsumerRecord<String, String> updated(UUID id, long sequence, String email) {
        CustomerSnapshot s = new CustomerSnapshot(
                id.toString(),
                "PERSON",
                "ACTIVE",
                "en",
                "UTC",
                null,
                null,
                null,
                false,
                Map.of(),
                false,
                List.of(),
                Instant.now(),
                sequence,
                List.of("email:" + email)); // a digest stands for the e-mail
        return record(
                CustomerEvents.UPDATED, "/customer-service", id, sequence, new CustomerUpdated(s, List.of("emails")));
    }

    private static ConsumerRecord<String, String> segment(UUID id, long sequence, String scheme, String toClass) {
        return record(
                SegmentationEvents.SEGMENT_CHANGED,
                "/segmentation-service",
                id,
                sequence,
                new SegmentChanged(id.toString(), scheme, null, toClass, 1, null, "BASIC", Map.of(), Instant.now()));
    }

    private static ConsumerRecord<String, String> record(
            EventType type, String source, UUID subject, long sequence, Object payload) {
        try {
            ProducerRecord<String, String> r = TestKafka.cloudEvent(
                    type.topic(),
                    UUID.randomUUID().toString(),
                    type.name(),
                    source,
                    subject.toString(),
                    JSON.writeValueAsString(payload));
            r.headers().add("ce_sequence", String.format("%019d", sequence).getBytes(StandardCharsets.UTF_8));
            return TestKafka.consumed(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String emails(UUID id) {
        return (String) QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select emails from customer_profile where customer_id = ?1")
                        .setParameter(1, id)
                        .getSingleResult());
    }

    private String segmentClass(UUID id, String scheme) {
        return (String) QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select class_label from customer_segment where customer_id = ?1 and scheme = ?2")
                        .setParameter(1, id)
                        .setParameter(2, scheme)
                        .getSingleResult());
    }
}
