package io.rapport.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.ConsentChanged;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerUpdated;
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
 * The projection keeps the newest state of a customer: a CustomerUpdated or SegmentChanged that arrives after a later
 * one of the same customer (a replay with a new id, a redrive, a reordering) does not overwrite it. Events carry their
 * customer's sequence at the source ({@code ce_sequence}).
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
    void aReplayedOrReorderedCustomerUpdatedDoesNotOverwriteANewerProfile() {
        UUID id = UUID.randomUUID();
        customerEvents.onBatch(TestKafka.poll(List.of(updated(id, 1, "Asia/Tokyo"), updated(id, 2, "Europe/Paris"))));
        assertThat(timeZone(id)).isEqualTo("Europe/Paris");

        customerEvents.onBatch(TestKafka.poll(List.of(updated(id, 1, "Asia/Tokyo")))); // replayed, new event id
        assertThat(timeZone(id)).isEqualTo("Europe/Paris");

        customerEvents.onBatch(
                TestKafka.poll(List.of(updated(id, 4, "America/New_York"), updated(id, 3, "Asia/Tokyo"))));
        assertThat(timeZone(id)).as("the reordered older update is ignored").isEqualTo("America/New_York");
    }

    @Test
    void severalEventsOfOneCustomerInOnePollApplyInOrderAndSkipTheStaleOnes() {
        UUID ann = UUID.randomUUID(); // known before the poll: last applied sequence 5
        UUID ben = UUID.randomUUID(); // first heard of in the poll
        UUID cleo = UUID.randomUUID(); // a consent change between two updates
        customerEvents.onBatch(TestKafka.poll(List.of(updated(ann, 5, "Asia/Tokyo"))));

        customerEvents.onBatch(TestKafka.poll(List.of(
                updated(ann, 4, "Europe/London"), // older than what was applied: skipped
                registered(ben, 1, "Europe/Paris", true),
                updated(cleo, 1, "Europe/Rome"),
                updated(ann, 6, "Europe/Berlin"),
                updated(ben, 3, "America/New_York"),
                consent(cleo, 2, false),
                updated(ben, 2, "Asia/Tokyo"), // after 3 in the same poll: skipped
                updated(ann, 7, "Europe/Madrid"),
                consent(cleo, 3, true),
                updated(ann, 6, "Europe/Lisbon"), // a replay of 6 after 7: skipped
                consent(ben, 4, false))));

        assertThat(timeZone(ann)).isEqualTo("Europe/Madrid");
        assertThat(timeZone(ben)).isEqualTo("America/New_York");
        assertThat(single("select consent_email from customer_profile where customer_id = ?1", ben))
                .isEqualTo(false);
        assertThat(timeZone(cleo)).isEqualTo("Europe/Rome");
        assertThat(single("select consent_email from customer_profile where customer_id = ?1", cleo))
                .as("the later of the two consent changes wins")
                .isEqualTo(true);
        assertThat(single(
                        "select max(last_sequence) from rapport_projection_sequence where projection = 'customer-profile'"
                                + " and subject = cast(?1 as varchar)",
                        ann))
                .isEqualTo(7L);

        customerEvents.onBatch(TestKafka.poll(List.of(updated(ben, 4, "Asia/Tokyo"), updated(ben, 5, "Europe/Oslo"))));
        assertThat(timeZone(ben))
                .as("4 was applied already (the consent change)")
                .isEqualTo("Europe/Oslo");
    }

    @Test
    void aReplayedOrReorderedSegmentChangedDoesNotOverwriteANewerClass() {
        UUID id = UUID.randomUUID();
        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 1, "ABC", "B", "REACTIVE"))));
        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 2, "ABC", "A", "PROACTIVE"))));
        assertThat(abcClass(id)).isEqualTo("A");

        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 1, "ABC", "B", "REACTIVE")))); // replayed
        assertThat(abcClass(id)).isEqualTo("A");

        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(id, 5, "ABC", "C", "BASIC"))));
        segmentationEvents.onBatch(
                TestKafka.poll(List.of(segment(id, 4, "ABC", "A", "PROACTIVE")))); // arrives after a newer one
        assertThat(abcClass(id)).isEqualTo("C");

        segmentationEvents.onBatch(
                TestKafka.poll(List.of(segment(id, 3, "VALUE", "MVC", "PARTNERSHIP")))); // another scheme is not stale
        assertThat(valueClass(id)).isEqualTo("MVC");
    }

    private static ConsumerRecord<String, String> updated(UUID id, long sequence, String zone) {
        CustomerUpdated u = new CustomerUpdated(
                Fixtures.snapshot(id, zone, "rep-1", Map.of("EMAIL", true), List.of("EMAIL")), List.of("timeZone"));
        return record(CustomerEvents.UPDATED, "/customer-service", id, sequence, u);
    }

    @Test
    void segmentChangesOfSeveralSchemesAndCustomersInOnePollApplyInOrder() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        segmentationEvents.onBatch(TestKafka.poll(List.of(
                segment(id, 2, "ABC", "B", "REACTIVE"),
                segment(other, 1, "ABC", "C", "BASIC"),
                segment(id, 3, "ABC", "A", "PROACTIVE"),
                segment(id, 1, "VALUE", "MVC", "PARTNERSHIP"), // another scheme: its own order
                segment(id, 2, "ABC", "C", "BASIC"), // replayed inside the poll: skipped
                segment(other, 4, "ABC", "A", "PROACTIVE"))));

        assertThat(abcClass(id)).isEqualTo("A");
        assertThat(valueClass(id)).isEqualTo("MVC");
        assertThat(abcClass(other)).isEqualTo("A");
        segmentationEvents.onBatch(TestKafka.poll(List.of(segment(other, 3, "ABC", "B", "REACTIVE"))));
        assertThat(abcClass(other)).as("older than the poll's last").isEqualTo("A");
    }

    private static ConsumerRecord<String, String> registered(UUID id, long sequence, String zone, boolean email) {
        return record(
                CustomerEvents.REGISTERED,
                "/customer-service",
                id,
                sequence,
                new CustomerRegistered(Fixtures.snapshot(id, zone, "rep-1", Map.of("EMAIL", email), List.of("EMAIL"))));
    }

    private static ConsumerRecord<String, String> consent(UUID id, long sequence, boolean email) {
        return record(
                CustomerEvents.CONSENT_CHANGED,
                "/customer-service",
                id,
                sequence,
                new ConsentChanged(id.toString(), "EMAIL", email, Instant.parse("2026-05-01T00:00:00Z"), false, null));
    }

    private static ConsumerRecord<String, String> segment(
            UUID id, long sequence, String scheme, String toClass, String level) {
        return record(
                SegmentationEvents.SEGMENT_CHANGED,
                "/segmentation-service",
                id,
                sequence,
                Fixtures.segment(id, scheme, toClass, level, "100.00"));
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

    private String timeZone(UUID id) {
        return (String) single("select time_zone from customer_profile where customer_id = ?1", id);
    }

    private String abcClass(UUID id) {
        return (String) single("select class_label from customer_class where customer_id = ?1 and scheme = 'ABC'", id);
    }

    private String valueClass(UUID id) {
        return (String)
                single("select class_label from customer_class where customer_id = ?1 and scheme = 'VALUE'", id);
    }

    private Object single(String sql, UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(sql).setParameter(1, id).getSingleResult());
    }
}
