package io.rapport.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.devstack.CatchUp;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.IncomingEvent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Loyalty's catch-up rate on a backlog of purchase events, as {@code ./crm bench} measures it (100 members, 2,000
 * purchases produced at once to customer.events, time until every EARN entry is booked), and on a backlog of
 * registrations (2,000 new customers, each with a sequence number and contact digests, time until every profile is
 * stored), against devstack's embedded PostgreSQL and Kafka. A benchmark, not a test (its name keeps it out of {@code verify}); run it with
 * {@code ./mvnw -B -o -pl loyalty-service -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CatchUpBench}
 * and read the {@code CATCH-UP} lines. {@code -Drapport.bench.events=N}, {@code -Drapport.bench.rounds=N} change the size.
 */
@QuarkusTest
class CatchUpBench {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    AgroalDataSource db;

    @Test
    void catchUpOnAPurchaseBacklog() throws Exception {
        int events = Integer.getInteger("rapport.bench.events", 2000);
        int rounds = Integer.getInteger("rapport.bench.rounds", 3);
        String programme = Fixtures.programme(0, 0);
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UUID c = UUID.randomUUID();
            Fixtures.enrol(programme, c);
            customers.add(c);
        }
        for (int r = 0; r <= rounds; r++) { // round 0 warms up
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            String[] keys = new String[events];
            for (int i = 0; i < events; i++) {
                UUID customer = customers.get(i % customers.size());
                UUID purchase = UUID.randomUUID();
                keys[i] = "purchase:" + purchase;
                records.add(TestKafka.cloudEvent(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        UUID.randomUUID().toString(),
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        "/bench",
                        customer.toString(),
                        json(CustomerEventsProducer.purchase(purchase, customer, "EUR", (10 + i % 90) + ".90"))));
            }
            CatchUp.measure(
                    r == 0 ? "loyalty (warm-up)" : "loyalty round " + r,
                    database(),
                    records,
                    events,
                    () -> count("select count(*) from ledger_entry where source_key = any(?)", keys),
                    Duration.ofSeconds(180));
        }
    }

    @Test
    void catchUpOnARegistrationBacklog() throws Exception {
        int events = Integer.getInteger("rapport.bench.events", 2000);
        int rounds = Integer.getInteger("rapport.bench.rounds", 3);
        for (int r = 0; r <= rounds; r++) { // round 0 warms up
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            String[] ids = new String[events];
            for (int i = 0; i < events; i++) {
                UUID customer = UUID.randomUUID();
                ids[i] = customer.toString();
                CustomerSnapshot s = new CustomerSnapshot(
                        ids[i],
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
                        1,
                        List.of("email:e" + i + "-" + r, "phone:p" + i + "-" + r));
                ProducerRecord<String, String> record = TestKafka.cloudEvent(
                        CustomerEvents.REGISTERED.topic(),
                        UUID.randomUUID().toString(),
                        CustomerEvents.REGISTERED.name(),
                        "/customer-service",
                        ids[i],
                        json(new CustomerRegistered(s)));
                record.headers().add(IncomingEvent.SEQUENCE, "1".getBytes(StandardCharsets.UTF_8));
                records.add(record);
            }
            CatchUp.measure(
                    r == 0 ? "loyalty registrations (warm-up)" : "loyalty registrations round " + r,
                    database(),
                    records,
                    events,
                    () -> count(
                            "select count(*) from customer_profile where customer_id::text = any(?) and emails is not null",
                            ids),
                    Duration.ofSeconds(180));
        }
    }

    private static String database() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    private long count(String sql, String[] keys) {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(1, c.createArrayOf("text", keys));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
