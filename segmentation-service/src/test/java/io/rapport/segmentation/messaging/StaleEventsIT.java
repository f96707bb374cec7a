package io.rapport.segmentation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.Money;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.CustomerEventsChannel;
import io.rapport.platform.inbox.Inbox;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The customer profile segmentation keeps from CustomerUpdated holds the newest snapshot: an update older (by its
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
    Inbox inbox;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReplayedOrReorderedCustomerUpdatedDoesNotOverwriteANewerProfile() throws Exception {
        UUID id = UUID.randomUUID();
        poll(updated(id, 1, "500"), updated(id, 2, "9000"));
        assertThat(wallet(id)).isEqualByComparingTo("9000");

        poll(updated(id, 1, "500")); // replayed with a new event id
        assertThat(wallet(id)).isEqualByComparingTo("9000");

        poll(updated(id, 4, "12000"), updated(id, 3, "500")); // the older one arrives after the newer one
        assertThat(wallet(id)).isEqualByComparingTo("12000");

        poll(updated(id, 3, "500"));
        poll(updated(id, 5, "700"));
        assertThat(wallet(id)).as("a newer update still applies").isEqualByComparingTo("700");
    }

    private void poll(ConsumerRecord<String, String>... records) {
        consume("segmentation", TestKafka.poll(List.of(records)));
    }

    private static ConsumerRecord<String, String> updated(UUID id, long sequence, String wallet) {
        CustomerSnapshot s = new CustomerSnapshot(
                id.toString(),
                "CONSUMER",
                "ACTIVE",
                "en",
                "UTC",
                null,
                null,
                new Money(wallet, "EUR"),
                false,
                Map.of(),
                false,
                List.of(),
                Instant.parse("2025-01-01T00:00:00Z"),
                sequence,
                List.of());
        try {
            ProducerRecord<String, String> r = TestKafka.cloudEvent(
                    CustomerEvents.UPDATED.topic(),
                    UUID.randomUUID().toString(),
                    CustomerEvents.UPDATED.name(),
                    "/customer-service",
                    id.toString(),
                    JSON.writeValueAsString(new CustomerUpdated(s, List.of("wallet"))));
            r.headers().add("ce_sequence", String.format("%019d", sequence).getBytes(StandardCharsets.UTF_8));
            return TestKafka.consumed(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BigDecimal wallet(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select wallet from customer_profile where customer_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBigDecimal(1);
            }
        }
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
