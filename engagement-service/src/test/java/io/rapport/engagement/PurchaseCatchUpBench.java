package io.rapport.engagement;

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
 * Engagement's catch-up rate on a backlog of purchase events, as {@code ./crm bench} measures the other consumers: per
 * round 100 new customers (half ACCOUNTABLE: a satisfaction call per purchase, half REACTIVE: a contact-us e-mail), 2,000
 * purchases produced at once to customer.events, and the time until the inbox recorded every one of them (each
 * purchase's follow-up planned under the caps in the same transaction), against devstack's embedded PostgreSQL and
 * Kafka. A benchmark, not a test (its name keeps it out of {@code verify}); run it with {@code ./mvnw -B -o -pl
 * engagement-service verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=PurchaseCatchUpBench
 * -Dquarkus.container-image.build=false} and read the {@code CATCH-UP} lines. {@code -Drapport.bench.events=N},
 * {@code -Drapport.bench.rounds=N} change the size.
 */
@QuarkusTest
class PurchaseCatchUpBench {
    @Inject
    AgroalDataSource db;

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Test
    void catchUpOnAPurchaseBacklog() {
        int events = Integer.getInteger("rapport.bench.events", 2000);
        int rounds = Integer.getInteger("rapport.bench.rounds", 3);
        Instant now = Instant.parse("2026-06-01T09:00:00Z");
        clock.set(now);
        for (int r = 0; r <= rounds; r++) { // round 0 warms up
            List<UUID> customers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                customers.add(fixtures.customer("Europe/London", i % 2 == 0 ? "ACCOUNTABLE" : "REACTIVE"));
            }
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            String[] ids = new String[events];
            for (int i = 0; i < events; i++) {
                String customer = customers.get(i % customers.size()).toString();
                String purchase = UUID.randomUUID().toString();
                ids[i] = UUID.randomUUID().toString();
                records.add(TestKafka.cloudEvent(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        ids[i],
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        "/bench",
                        customer,
                        payload(customer, purchase, now.minusSeconds(events - i), (10 + i % 90) + ".90")));
            }
            CatchUp.measure(
                    r == 0 ? "engagement purchases (warm-up)" : "engagement purchases round " + r,
                    database(),
                    records,
                    events,
                    () -> count(
                            "select count(*) from rapport_inbox where consumer = 'engagement' and event_id = any(?)",
                            ids),
                    Duration.ofSeconds(300));
        }
    }

    /** The payload ./crm bench produces. */
    private static String payload(String customer, String purchaseId, Instant at, String amount) {
        return """
                {"purchaseId":"%s","customerId":"%s","sourceSystem":"bench","orderId":"B-%s","occurredAt":"%s","currency":"EUR",\
                "total":"%s","costOfGoods":"1.00","channel":"store","store":"HQ","lines":[{"lineId":"1","sku":"SKU-1",\
                "category":"kitchen","quantity":1,"unitPrice":"%s","unitCost":"1.00","lineTotal":"%s"}]}""".formatted(purchaseId, customer, purchaseId, at, amount, amount, amount);
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
