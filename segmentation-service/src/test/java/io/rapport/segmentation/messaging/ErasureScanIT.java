package io.rapport.segmentation.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.Topics;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.devstack.TestKafka;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 2, for segmentation: a customer and its duplicate arrive as an older customer-service release
 * published them (name, e-mails, phones) and buy; after the merge and the erasure no table of segmentation's database and
 * no record of segmentation.events or the dead-letter topics holds any of it.
 */
@QuarkusTest
class ErasureScanIT {
    @Inject
    AgroalDataSource ds;

    @Test
    void afterErasureNoTableOrTopicOfSegmentationHoldsTheCustomersPersonalData() {
        long n = System.nanoTime();
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        List<String> needles = new ArrayList<>();
        for (UUID id : List.of(survivor, duplicate)) {
            String name = (id == survivor ? "Segsurvina" : "Segdupwood") + n;
            String email = "s" + n + id.toString().substring(0, 4) + "@example.org";
            String phone = "+4989" + (n % 100_000_000L) + id.toString().charAt(0);
            needles.addAll(List.of(name, email, phone));
            Events.send(CustomerEvents.REGISTERED, id, legacyRegistered(id, name, email, phone));
            Events.purchase(id, "120.00", "40.00", "TENTS");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from customer_profile where customer_id in (?, ?)"
                                        + " and first_purchase_at is not null",
                                survivor,
                                duplicate)
                        == 2);

        Events.send(
                CustomerEvents.MERGED,
                duplicate,
                new CustomerMerged(survivor.toString(), duplicate.toString(), "steward", Instant.now()));
        Events.send(CustomerEvents.ERASED, duplicate, new CustomerErased(duplicate.toString(), Instant.now()));
        Events.send(CustomerEvents.ERASED, survivor, new CustomerErased(survivor.toString(), Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from customer_profile where erased and" + " customer_id in (?, ?)",
                                survivor,
                                duplicate)
                        == 2);

        List<String> tables = tables();
        assertThat(tables).contains("customer_profile", "value_month", "rapport_outbox", "rapport_audit");
        for (String table : tables) {
            for (String needle : needles) {
                assertThat(count("select count(*) from " + table + " t where t::text ilike ?", "%" + needle + "%"))
                        .as("%s in table %s", needle, table)
                        .isZero();
            }
        }
        for (String topic :
                List.of(Topics.SEGMENTATION, Topics.dlq(Topics.SEGMENTATION), Topics.dlq(Topics.CUSTOMER))) {
            for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
                for (String needle : needles) {
                    assertThat(r.value())
                            .as("%s in %s@%d", needle, topic, r.offset())
                            .doesNotContainIgnoringCase(needle);
                }
            }
        }
    }

    /** A CustomerRegistered as releases before issue 15 published it: with name, e-mails and phones. */
    private static Map<String, Object> legacyRegistered(UUID id, String name, String email, String phone) {
        Map<String, Object> c = new HashMap<>();
        c.put("customerId", id.toString());
        c.put("kind", "CONSUMER");
        c.put("status", "ACTIVE");
        c.put("displayName", name);
        c.put("primaryEmail", email);
        c.put("primaryPhone", phone);
        c.put("emails", List.of(email));
        c.put("phones", List.of(phone));
        c.put("consents", Map.of());
        c.put("doNotContact", false);
        c.put("target", false);
        c.put("createdAt", "2025-01-01T00:00:00Z");
        c.put("version", 1);
        return Map.of("customer", c);
    }

    private long count(String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> tables() {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select table_name from"
                                + " information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
