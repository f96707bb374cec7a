package io.rapport.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.devstack.TestKafka;
import io.rapport.devstack.jdbc.StatementCounting;
import io.rapport.devstack.jdbc.StatementCountingDriver;
import io.rapport.platform.inbox.CustomerEventsChannel;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a poll of registrations of customers engagement has never seen sends to PostgreSQL, counted by the JDBC driver on
 * the calling thread (issue 18: each registration cost about four queries, two consent/complaint reads, the open
 * contacts twice, plus Hibernate's auto-flush before each, although a customer registered in this very poll has no
 * contacts, complaints or plans yet). The count must not grow with the poll.
 */
@QuarkusTest
@TestProfile(StatementCounting.class)
class RegistrationStatementsIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    CustomerEventsChannel consumer;

    @Inject
    TestClock clock;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T12:00:00Z");
    }

    @Test
    void aPollOfNewCustomersRegistrationsTakesTheSameStatementsForTenOrAHundred() {
        sent(registrations(5)); // warm-up: prepared statements, settings caches

        List<String> ten = sent(registrations(10));
        List<String> hundred = sent(registrations(100));

        System.out.println("a poll of 10 registrations sent " + ten.size() + " statements, of 100: " + hundred.size()
                + "\n  " + String.join("\n  ", ten));
        assertThat(hundred.size())
                .as("statements for a poll of 100 new customers' registrations vs 10 (%d)", ten.size())
                .isEqualTo(ten.size());
    }

    private List<String> sent(List<ConsumerRecord<String, String>> records) {
        StatementCountingDriver.reset();
        consumer.onBatch(TestKafka.poll(records));
        return StatementCountingDriver.sent();
    }

    /** New customers registered with consents and a channel preference, as customer-service publishes them. */
    private static List<ConsumerRecord<String, String>> registrations(int customers) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            UUID id = UUID.randomUUID();
            records.add(registered(
                    id,
                    Fixtures.snapshot(
                            id,
                            "Europe/London",
                            "rep-" + (i % 3),
                            Map.of("EMAIL", true, "SMS", i % 2 == 0, "PHONE", true),
                            List.of("EMAIL", "PHONE"))));
        }
        return records;
    }

    private static ConsumerRecord<String, String> registered(
            UUID id, io.rapport.contracts.customer.CustomerSnapshot snapshot) {
        try {
            ProducerRecord<String, String> r = TestKafka.cloudEvent(
                    CustomerEvents.REGISTERED.topic(),
                    UUID.randomUUID().toString(),
                    CustomerEvents.REGISTERED.name(),
                    "/customer-service",
                    id.toString(),
                    JSON.writeValueAsString(new CustomerRegistered(snapshot)));
            r.headers().add("ce_sequence", String.format("%019d", 1L).getBytes(StandardCharsets.UTF_8));
            return TestKafka.consumed(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
