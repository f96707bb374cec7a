package io.rapport.engagement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.devstack.CatchUp;
import io.rapport.devstack.TestKafka;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Engagement's catch-up on a backlog of registrations of new customers (the create path of issue 18): per round 2,000
 * CustomerRegistered events (consents, an owner, a channel preference) produced at once to customer.events, and the
 * time and CPU until the inbox recorded every one of them. A benchmark, not a test (its name keeps it out of
 * {@code verify}); run it like {@link PurchaseCatchUpBench} with {@code -Dtest=RegistrationCatchUpBench} and read the
 * {@code CATCH-UP} lines. {@code -Drapport.bench.events=N}, {@code -Drapport.bench.rounds=N} change the size.
 */
@QuarkusTest
class RegistrationCatchUpBench {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    AgroalDataSource db;

    @Test
    void catchUpOnARegistrationBacklog() throws Exception {
        int events = Integer.getInteger("rapport.bench.events", 2000);
        int rounds = Integer.getInteger("rapport.bench.rounds", 3);
        for (int r = 0; r <= rounds; r++) { // round 0 warms up
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            String[] ids = new String[events];
            for (int i = 0; i < events; i++) {
                UUID customer = UUID.randomUUID();
                ids[i] = UUID.randomUUID().toString();
                ProducerRecord<String, String> record = TestKafka.cloudEvent(
                        CustomerEvents.REGISTERED.topic(),
                        ids[i],
                        CustomerEvents.REGISTERED.name(),
                        "/bench",
                        customer.toString(),
                        JSON.writeValueAsString(new CustomerRegistered(Fixtures.snapshot(
                                customer,
                                "Europe/London",
                                "rep-" + (i % 7),
                                Map.of("EMAIL", true, "SMS", i % 2 == 0, "PHONE", true),
                                List.of("EMAIL", "PHONE")))));
                record.headers().add("ce_sequence", String.format("%019d", 1L).getBytes(StandardCharsets.UTF_8));
                records.add(record);
            }
            CatchUp.measure(
                    r == 0 ? "engagement registrations (warm-up)" : "engagement registrations round " + r,
                    database(),
                    records,
                    events,
                    () -> count(
                            "select count(*) from rapport_inbox where consumer = 'engagement' and event_id = any(?)",
                            ids),
                    Duration.ofSeconds(300));
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
}
