package io.rapport.segmentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.Money;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.contracts.engagement.ComplaintOpened;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.devstack.CatchUp;
import io.rapport.devstack.TestKafka;
import io.rapport.segmentation.classification.RunService;
import io.rapport.segmentation.domain.Scheme;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Segmentation's catch-up rate on a backlog of each event kind it consumes (registered, updated, purchase, refund,
 * cost, complaint, merged, erased), as {@code ./crm bench} measures it: per kind, N events produced at once, time until
 * every one is applied (its inbox row committed with its effect), against devstack's embedded PostgreSQL and Kafka, with
 * a classification run stored first so that every batch also reclassifies the customers it touched (as in production).
 * A benchmark, not a test (its name keeps it out of {@code verify}); run it with
 * {@code ./mvnw -B -o -pl segmentation-service verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CatchUpBench}
 * and read the {@code CATCH-UP} lines (the {@code CATCH-UP SUMMARY} line per kind is the median of the timed rounds).
 * {@code -Drapport.bench.events=N}, {@code -Drapport.bench.rounds=N} change the size; {@code -Drapport.bench.kinds=a,b}
 * picks kinds.
 */
@QuarkusTest
class CatchUpBench {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    AgroalDataSource db;

    @Inject
    RunService runs;

    private final List<UUID> pool = new ArrayList<>();
    private final List<UUID> registered = new ArrayList<>();
    private int erasedSoFar;
    private long sequence = 1;

    @Test
    void catchUpOnABacklogOfEachKind() {
        int events = Integer.getInteger("rapport.bench.events", 2000);
        int rounds = Integer.getInteger("rapport.bench.rounds", 3);
        List<String> kinds = Arrays.asList(System.getProperty(
                        "rapport.bench.kinds", "registered,updated,purchase,refund,cost,complaint,merged,erased")
                .split(","));
        for (int i = 0; i < 100; i++) {
            pool.add(UUID.randomUUID());
        }
        // the pool's profiles and some figures, then a run of every scheme: batches reclassify against it
        measure(
                "setup",
                0,
                pool.size() * 3,
                i -> i < pool.size() ? registered(pool.get(i)) : purchase(pool.get(i % 100), i));
        runs.runAll(List.of(Scheme.values()), "BENCH");

        Map<String, double[]> rates = new LinkedHashMap<>();
        for (String kind : kinds) {
            double[] timed = new double[rounds];
            for (int r = 0; r <= rounds; r++) { // round 0 warms up
                double rate = measure(kind, r, events, generator(kind.strip(), events));
                if (r > 0) {
                    timed[r - 1] = rate;
                }
            }
            rates.put(kind.strip(), timed);
        }
        rates.forEach((kind, timed) -> {
            double[] sorted = timed.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "CATCH-UP SUMMARY %-10s median %6.0f events/s  (rounds %s)%n",
                    kind,
                    sorted[sorted.length / 2],
                    Arrays.toString(Arrays.stream(timed).map(Math::rint).toArray()));
        });
    }

    /** The i-th event of a round of {@code kind}. */
    private IntFunction<ProducerRecord<String, String>> generator(String kind, int events) {
        return switch (kind) {
            case "registered" ->
                i -> {
                    UUID id = UUID.randomUUID();
                    registered.add(id);
                    return registered(id);
                };
            // a quarter of the pool's customers, each updated several times in the backlog (newest wins)
            case "updated" -> i -> updated(pool.get(i % 25), (100 + i) + ".00");
            case "purchase" -> i -> purchase(pool.get(i % pool.size()), i);
            case "refund" ->
                i -> record(
                        CustomerEvents.PURCHASE_REFUNDED,
                        pool.get(i % pool.size()),
                        new PurchaseRefunded(
                                UUID.randomUUID().toString(),
                                UUID.randomUUID().toString(),
                                pool.get(i % pool.size()).toString(),
                                "R-" + i,
                                Instant.now(),
                                "EUR",
                                "5.00",
                                "1.00",
                                false,
                                List.of()),
                        null);
            case "cost" ->
                i -> record(
                        CustomerEvents.COST_RECORDED,
                        pool.get(i % pool.size()),
                        new CostRecorded(
                                UUID.randomUUID().toString(),
                                pool.get(i % pool.size()).toString(),
                                "SERVICE_CALL",
                                "2.50",
                                "EUR",
                                Instant.now()),
                        null);
            case "complaint" ->
                i -> record(
                        EngagementEvents.COMPLAINT_OPENED,
                        pool.get(i % pool.size()),
                        new ComplaintOpened(
                                UUID.randomUUID().toString(),
                                pool.get(i % pool.size()).toString(),
                                "PHONE",
                                "DELIVERY",
                                "HIGH",
                                Instant.now(),
                                Instant.now().plusSeconds(86_400),
                                false),
                        null);
            // a duplicate record merged into one of the pool
            case "merged" ->
                i -> {
                    UUID merged = UUID.randomUUID();
                    return record(
                            CustomerEvents.MERGED,
                            merged,
                            new CustomerMerged(
                                    pool.get(i % pool.size()).toString(), merged.toString(), "bench", Instant.now()),
                            null);
                };
            // the customers registered earlier (fresh stubs once those are used up)
            case "erased" ->
                i -> {
                    UUID id = erasedSoFar < registered.size() ? registered.get(erasedSoFar++) : UUID.randomUUID();
                    return record(CustomerEvents.ERASED, id, new CustomerErased(id.toString(), Instant.now()), null);
                };
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private double measure(String kind, int round, int events, IntFunction<ProducerRecord<String, String>> generator) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(events);
        String[] ids = new String[events];
        for (int i = 0; i < events; i++) {
            ProducerRecord<String, String> r = generator.apply(i);
            ids[i] = new String(r.headers().lastHeader(CloudEvents.ID).value(), StandardCharsets.UTF_8);
            records.add(r);
        }
        return CatchUp.measure(
                        kind + (round == 0 ? " (warm-up)" : " round " + round),
                        database(),
                        records,
                        events,
                        () -> count(ids),
                        Duration.ofSeconds(300))
                .eventsPerSecond();
    }

    private ProducerRecord<String, String> registered(UUID id) {
        return record(CustomerEvents.REGISTERED, id, new CustomerRegistered(snapshot(id, "1000.00", 1)), 1L);
    }

    private ProducerRecord<String, String> updated(UUID id, String wallet) {
        long version = ++sequence;
        return record(
                CustomerEvents.UPDATED,
                id,
                new CustomerUpdated(snapshot(id, wallet, version), List.of("wallet")),
                version);
    }

    private ProducerRecord<String, String> purchase(UUID customer, int i) {
        String purchase = UUID.randomUUID().toString();
        String amount = (10 + i % 90) + ".90";
        String payload = """
                {"purchaseId":"%s","customerId":"%s","sourceSystem":"bench","orderId":"B-%s","occurredAt":"%s","currency":"EUR",\
                "total":"%s","costOfGoods":"1.00","channel":"store","store":"HQ","lines":[{"lineId":"1","sku":"SKU-%d",\
                "category":"kitchen","quantity":1,"unitPrice":"%s","unitCost":"1.00","lineTotal":"%s"}]}""".formatted(purchase, customer, purchase, Instant.now(), amount, i % 50, amount, amount);
        return TestKafka.cloudEvent(
                CustomerEvents.PURCHASE_RECORDED.topic(),
                UUID.randomUUID().toString(),
                CustomerEvents.PURCHASE_RECORDED.name(),
                "/bench",
                customer.toString(),
                payload);
    }

    private static CustomerSnapshot snapshot(UUID id, String wallet, long version) {
        return new CustomerSnapshot(
                id.toString(),
                "CONSUMER",
                "ACTIVE",
                "en",
                "UTC",
                null,
                null,
                new Money(wallet, "EUR"),
                version % 2 == 0,
                Map.of(),
                false,
                List.of(),
                Instant.now().minusSeconds(86_400L * 400),
                version,
                List.of());
    }

    /** A CloudEvent as the source service publishes it; {@code sequence} (ce_sequence) when the source numbers it. */
    private static ProducerRecord<String, String> record(EventType type, UUID subject, Object payload, Long sequence) {
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ProducerRecord<String, String> r = TestKafka.cloudEvent(
                type.topic(), UUID.randomUUID().toString(), type.name(), "/bench", subject.toString(), json);
        if (sequence != null) {
            r.headers().add(CloudEvents.SEQUENCE, "%020d".formatted(sequence).getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    private static String database() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** How many of the events the consumer applied (their inbox rows commit with their effects). */
    private long count(String[] ids) {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from rapport_inbox where consumer = ? and event_id = any(?)")) {
            q.setString(1, "segmentation");
            q.setArray(2, c.createArrayOf("text", ids));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
