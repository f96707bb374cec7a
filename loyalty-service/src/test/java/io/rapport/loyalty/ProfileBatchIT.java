package io.rapport.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.CustomerEventsChannel;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Registrations and updates of a poll are applied as one run (issue 18): the profiles they leave are the ones the
 * same events leave applied one poll each, including stale snapshots, events without a sequence and an erasure in the
 * middle of the poll.
 */
@QuarkusTest
class ProfileBatchIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T10:00:00Z");

    @Inject
    CustomerEventsChannel consumer;

    @Inject
    EntityManager em;

    /** The same story for three fresh customers a, b, c. */
    private static List<ConsumerRecord<String, String>> story(UUID a, UUID b, UUID c) {
        return List.of(
                registered(a, 2L, T2, "email:a1", "phone:a1"),
                updated(b, null, T1, "email:b1"),
                updated(a, 4L, T2, "email:a2"),
                registered(c, 1L, T1, "email:c1"),
                updated(a, 3L, T2, "email:stale"), // older than 4: keeps a2
                registered(a, 1L, T1, "email:older"), // stale, but registered earlier: T1 counts
                erased(c),
                updated(c, 2L, T2, "email:c2"), // after the erasure: nothing
                updated(b, null, T2, "phone:b2")); // no sequence: always applied
    }

    @Test
    void aPollOfSnapshotsLeavesWhatTheSameEventsLeaveOneByOne() {
        UUID[] batch = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        UUID[] single = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

        consumer.onBatch(TestKafka.poll(story(batch[0], batch[1], batch[2])));
        for (ConsumerRecord<String, String> r : story(single[0], single[1], single[2])) {
            consumer.onBatch(TestKafka.poll(List.of(r)));
        }

        List<List<Object>> batched = profiles(batch);
        assertThat(batched).isEqualTo(profiles(single));
        assertThat(batched.get(0)).isEqualTo(Arrays.asList("email:a2", null, false, T1));
        assertThat(batched.get(1)).isEqualTo(Arrays.asList(null, "phone:b2", false, T1));
        assertThat(batched.get(2)).isEqualTo(Arrays.asList(null, null, true, T1));
    }

    private List<List<Object>> profiles(UUID[] ids) {
        List<List<Object>> out = new ArrayList<>();
        for (UUID id : ids) {
            Object[] row = (Object[]) QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery(
                                    "select emails, phones, erased, extract(epoch from registered_at)::bigint from customer_profile"
                                            + " where customer_id = ?1")
                            .setParameter(1, id)
                            .getSingleResult());
            out.add(Arrays.asList(
                    row[0],
                    row[1],
                    row[2],
                    row[3] == null ? null : Instant.ofEpochSecond(((Number) row[3]).longValue())));
        }
        return out;
    }

    private static ConsumerRecord<String, String> registered(
            UUID id, Long sequence, Instant createdAt, String... digests) {
        return record(CustomerEvents.REGISTERED, id, sequence, s -> new CustomerRegistered(s), createdAt, digests);
    }

    private static ConsumerRecord<String, String> updated(
            UUID id, Long sequence, Instant createdAt, String... digests) {
        return record(
                CustomerEvents.UPDATED,
                id,
                sequence,
                s -> new CustomerUpdated(s, List.of("emails")),
                createdAt,
                digests);
    }

    private static ConsumerRecord<String, String> erased(UUID id) {
        return send(CustomerEvents.ERASED, id, null, new CustomerErased(id.toString(), Instant.now()));
    }

    private static ConsumerRecord<String, String> record(
            EventType type,
            UUID id,
            Long sequence,
            Function<CustomerSnapshot, Object> payload,
            Instant createdAt,
            String... digests) {
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
                createdAt,
                sequence == null ? 1 : sequence,
                List.of(digests));
        return send(type, id, sequence, payload.apply(s));
    }

    private static ConsumerRecord<String, String> send(EventType type, UUID subject, Long sequence, Object payload) {
        try {
            ProducerRecord<String, String> r = TestKafka.cloudEvent(
                    type.topic(),
                    UUID.randomUUID().toString(),
                    type.name(),
                    "/customer-service",
                    subject.toString(),
                    JSON.writeValueAsString(payload));
            if (sequence != null) {
                r.headers().add("ce_sequence", String.format("%019d", sequence).getBytes(StandardCharsets.UTF_8));
            }
            return TestKafka.consumed(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
