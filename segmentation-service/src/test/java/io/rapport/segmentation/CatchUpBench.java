package io.rapport.segmentation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.devstack.CatchUp;
import io.rapport.devstack.TestKafka;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Segmentation's catch-up rate on a backlog of purchase events, as {@code ./crm bench} measures it (100 customers,
 * 2,000 purchases produced at once to customer.events, time until every fact is applied), against devstack's embedded
 * PostgreSQL and Kafka. A benchmark, not a test (its name keeps it out of {@code verify}); run it with
 * {@code ./mvnw -B -o -pl segmentation-service -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CatchUpBench}
 * and read the {@code CATCH-UP} lines. {@code -Drapport.bench.events=N}, {@code -Drapport.bench.rounds=N} change the size.
 */
@QuarkusTest
class CatchUpBench {
    @Inject
    AgroalDataSource db;

    @Test
    void catchUpOnAPurchaseBacklog() {
        int events = Integer.getInteger("rapport.bench.events", 2000);
        int rounds = Integer.getInteger("rapport.bench.rounds", 3);
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(UUID.randomUUID());
        }
        for (int r = 0; r <= rounds; r++) { // round 0 warms up (and makes the customers' profiles)
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            String[] keys = new String[events];
            for (int i = 0; i < events; i++) {
                String customer = customers.get(i % customers.size()).toString();
                String purchase = UUID.randomUUID().toString();
                keys[i] = "purchase:" + purchase;
                records.add(TestKafka.cloudEvent(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        UUID.randomUUID().toString(),
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        "/bench",
                        customer,
                        payload(customer, purchase, (10 + i % 90) + ".90")));
            }
            CatchUp.measure(
                    r == 0 ? "segmentation (warm-up)" : "segmentation round " + r,
                    database(),
                    records,
                    events,
                    () -> count("select count(*) from applied_fact where fact_key = any(?)", keys),
                    Duration.ofSeconds(180));
        }
    }

    /** The payload ./crm bench produces. */
    private static String payload(String customer, String purchaseId, String amount) {
        return """
                {"purchaseId":"%s","customerId":"%s","sourceSystem":"bench","orderId":"B-%s","occurredAt":"%s","currency":"EUR",\
                "total":"%s","costOfGoods":"1.00","channel":"store","store":"HQ","lines":[{"lineId":"1","sku":"SKU-1",\
                "category":"kitchen","quantity":1,"unitPrice":"%s","unitCost":"1.00","lineTotal":"%s"}]}""".formatted(purchaseId, customer, purchaseId, Instant.now(), amount, amount, amount);
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
