package io.rapport.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.devstack.TestKafka;
import io.rapport.engagement.messaging.CustomerEventsConsumer;
import io.rapport.engagement.messaging.SegmentationEventsConsumer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
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
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    CustomerEventsConsumer customerEvents;
    @Inject
    SegmentationEventsConsumer segmentationEvents;
    @Inject
    EntityManager em;

    @Test
    void aReplayedOrReorderedCustomerUpdatedDoesNotOverwriteANewerProfile() {
        UUID id = UUID.randomUUID();
        customerEvents.onBatch(TestKafka.poll(List.of(updated(id, 1, "Asia/Tokyo"), updated(id, 2, "Europe/Paris"))));
        assertThat(timeZone(id)).isEqualTo("Europe/Paris");

        customerEvents.onBatch(TestKafka.poll(List.of(updated(id, 1, "Asia/Tokyo")))); // replayed, new event id
        assertThat(timeZone(id)).isEqualTo("Europe/Paris");

        customerEvents.onBatch(TestKafka.poll(List.of(updated(id, 4, "America/New_York"), updated(id, 3, "Asia/Tokyo"))));
        assertThat(timeZone(id)).as("the reordered older update is ignored").isEqualTo("America/New_York");
    }

    @Test
    void aReplayedOrReorderedSegmentChangedDoesNotOverwriteANewerClass() {
        UUID id = UUID.randomUUID();
        segmentationEvents.onEvent(segment(id, 1, "ABC", "B", "REACTIVE"));
        segmentationEvents.onEvent(segment(id, 2, "ABC", "A", "PROACTIVE"));
        assertThat(abcClass(id)).isEqualTo("A");

        segmentationEvents.onEvent(segment(id, 1, "ABC", "B", "REACTIVE")); // replayed
        assertThat(abcClass(id)).isEqualTo("A");

        segmentationEvents.onEvent(segment(id, 5, "ABC", "C", "BASIC"));
        segmentationEvents.onEvent(segment(id, 4, "ABC", "A", "PROACTIVE")); // arrives after a newer one
        assertThat(abcClass(id)).isEqualTo("C");

        segmentationEvents.onEvent(segment(id, 3, "VALUE", "MVC", "PARTNERSHIP")); // another scheme is not stale
        assertThat(valueClass(id)).isEqualTo("MVC");
    }

    private static ConsumerRecord<String, String> updated(UUID id, long sequence, String zone) {
        CustomerUpdated u = new CustomerUpdated(Fixtures.snapshot(id, zone, "rep-1", Map.of("EMAIL", true), List.of("EMAIL")),
                List.of("timeZone"));
        return record(CustomerEvents.UPDATED, "/customer-service", id, sequence, u);
    }

    private static ConsumerRecord<String, String> segment(UUID id, long sequence, String scheme, String toClass, String level) {
        return record(SegmentationEvents.SEGMENT_CHANGED, "/segmentation-service", id, sequence,
                Fixtures.segment(id, scheme, toClass, level, "100.00"));
    }

    private static ConsumerRecord<String, String> record(EventType type, String source, UUID subject, long sequence,
            Object payload) {
        try {
            ProducerRecord<String, String> r = TestKafka.cloudEvent(type.topic(), UUID.randomUUID().toString(), type.name(),
                    source, subject.toString(), JSON.writeValueAsString(payload));
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
        return (String) single("select class_label from customer_class where customer_id = ?1 and scheme = 'VALUE'", id);
    }

    private Object single(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter(1, id).getSingleResult());
    }
}
