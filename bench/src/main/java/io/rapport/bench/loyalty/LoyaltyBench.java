package io.rapport.bench.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.bench.BenchDb;
import io.rapport.bench.token.ServiceTokens;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.devstack.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Two figures of loyalty-service against a running instance (e.g. {@code ./crm up}, or the service jar on an
 * embedded devstack):
 * <ol>
 * <li>earning throughput: enrol {@code --members} customers in a fresh programme, produce {@code --events}
 * purchase-recorded CloudEvents to customer.events as customer-service would, and time until the loyalty
 * database holds one PURCHASE ledger entry per event (target: at least 1,000 events/s);</li>
 * <li>quote latency: {@code --quotes} basket quotes from {@code --clients} closed-loop HTTP clients after a
 * warm-up, printing p50/p95/p99/max (target: p99 under 20 ms).</li>
 * </ol>
 * Arguments (defaults): {@code --service http://localhost:8094 --kafka localhost:19092
 * --db jdbc:postgresql://localhost:15432/loyalty --db-user postgres --db-password postgres --members 500
 * --events 20000 --quotes 5000 --clients 4}.
 */
public final class LoyaltyBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoyaltyBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of(
                "service",
                "http://localhost:8094",
                "kafka",
                "localhost:19092",
                "db",
                "jdbc:postgresql://localhost:15432/loyalty",
                "db-user",
                "postgres",
                "db-password",
                "postgres",
                "members",
                "500",
                "events",
                "20000",
                "quotes",
                "5000",
                "clients",
                "4"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String service = o.get("service");
        String programme = createProgramme(service);
        List<String> customers = enrol(service, programme, Integer.parseInt(o.get("members")));
        System.out.printf("programme %s with %d members%n", programme, customers.size());

        int events = Integer.parseInt(o.get("events"));
        earn(o, programme, customers, events);
        quotes(service, programme, customers, Integer.parseInt(o.get("quotes")), Integer.parseInt(o.get("clients")));
    }

    private static void earn(Map<String, String> o, String programme, List<String> customers, int events)
            throws Exception {
        Map<String, Object> props =
                Map.of("bootstrap.servers", o.get("kafka"), "acks", "all", "linger.ms", 5, "batch.size", 65536);
        long start;
        long produced;
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                Connection db = DriverManager.getConnection(o.get("db"), o.get("db-user"), o.get("db-password"))) {
            start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                String customer = customers.get(i % customers.size());
                producer.send(record(customer, UUID.randomUUID().toString()));
            }
            producer.flush();
            produced = System.nanoTime();
            long done = BenchDb.waitForCount(
                    db,
                    "select count(*) from ledger_entry where programme_id = ?::uuid" + " and source = 'PURCHASE'",
                    programme,
                    events,
                    Duration.ofMinutes(10));
            double seconds = (done - start) / 1e9;
            System.out.printf(
                    "earning: %d purchase events produced in %.2f s, all %d booked after %.2f s -> %.0f events/s"
                            + " end to end (target >= 1000)%n",
                    events, (produced - start) / 1e9, events, seconds, events / seconds);
            System.out.printf(
                    "earning: %d points-earned events still in the outbox, not yet relayed to loyalty.events%n",
                    unrelayed(db));
        }
    }

    /** Outbox rows the service's relay has not published yet: work that goes on while the quotes are measured. */
    private static long unrelayed(Connection db) throws Exception {
        try (PreparedStatement count =
                        db.prepareStatement("select count(*) from rapport_outbox where sent_at is null");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ProducerRecord<String, String> record(String customer, String purchaseId) {
        String amount = ThreadLocalRandom.current().nextInt(5, 500) + ".90";
        String payload =
                """
                {"purchaseId":"%s","customerId":"%s","sourceSystem":"bench","orderId":"B-%s","occurredAt":"%s","currency":"EUR",
                 "total":"%s","costOfGoods":"1.00","channel":"store","store":"HQ","lines":[{"lineId":"1","sku":"SKU-1",
                 "category":"kitchen","quantity":1,"unitPrice":"%s","unitCost":"1.00","lineTotal":"%s"}]}""".formatted(purchaseId, customer, purchaseId.substring(0, 8), Instant.now(), amount, amount, amount);
        return TestKafka.cloudEvent(
                CustomerEvents.PURCHASE_RECORDED.topic(),
                UUID.randomUUID().toString(),
                CustomerEvents.PURCHASE_RECORDED.name(),
                "/bench",
                customer,
                payload);
    }

    private static void quotes(String service, String programme, List<String> customers, int total, int clients)
            throws Exception {
        URI uri = URI.create(service + "/api/v1/loyalty/programmes/" + programme + "/quotes");
        for (int i = 0; i < Math.min(500, total); i++) {
            quote(uri, customers.get(i % customers.size()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> parts = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            parts.add(pool.submit(() -> {
                long[] lat = new long[total / clients];
                for (int i = 0; i < lat.length; i++) {
                    long t = System.nanoTime();
                    quote(uri, customers.get((client * 7919 + i) % customers.size()));
                    lat[i] = System.nanoTime() - t;
                }
                return lat;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : parts) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "quote: %d quotes from %d clients in %.2f s (%.0f/s); latency ms p50 %.2f p95 %.2f p99 %.2f max %.2f"
                        + " (target p99 < 20)%n",
                sorted.length,
                clients,
                seconds,
                sorted.length / seconds,
                ms(sorted, 0.50),
                ms(sorted, 0.95),
                ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void quote(URI uri, String customer) throws Exception {
        String body = """
                {"customerId":"%s","currency":"EUR","lines":[{"sku":"FRIDGE","category":"kitchen","quantity":12,"unitPrice":"499.00"},
                 {"sku":"CABLE","category":"tv","quantity":3,"unitPrice":"9.99"},{"sku":"OVEN","category":"kitchen","quantity":1,
                 "unitPrice":"899.00"}]}""".formatted(customer);
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("Authorization", ServiceTokens.bearer("loyalty-service"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("quote answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String createProgramme(String service) throws Exception {
        String code = "BENCH"
                + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
        String body = """
                {"code":"%s","name":"Bench club","currency":"EUR",
                 "rules":{"pointsPerUnit":"1","qualificationBasis":"POINTS_EARNED","qualificationMonths":12,"expiryMonths":24,
                          "expiryWarningDays":30,"referrerPoints":0,"newcomerPoints":0,"autoEnrol":null},
                 "tiers":[{"code":"SILVER","name":"Silver","threshold":"0","multiplier":"1"},
                          {"code":"GOLD","name":"Gold","threshold":"2000","multiplier":"1.5"},
                          {"code":"PLATINUM","name":"Platinum","threshold":"10000","multiplier":"2"}],
                 "bonuses":[{"name":"Kitchen","category":"kitchen","multiplier":"2"}]}""".formatted(code);
        String id = post(service + "/api/v1/loyalty/programmes", body).get("id").asText();
        for (String benefit : Arrays.asList(
                "{\"kind\":\"VOLUME_BREAK\",\"name\":\"Ten or more\",\"category\":\"kitchen\",\"minQuantity\":10,\"percent\":\"10\"}",
                "{\"kind\":\"MEMBER_PRICE\",\"name\":\"Member oven\",\"sku\":\"OVEN\",\"memberPrice\":\"849.00\"}",
                "{\"kind\":\"REPEAT_PURCHASE_DISCOUNT\",\"name\":\"Old customer\",\"percent\":\"3\",\"minPurchases\":1}",
                "{\"kind\":\"PRIORITY_SERVICE\",\"name\":\"Hotline\",\"minTier\":\"GOLD\"}")) {
            post(service + "/api/v1/loyalty/programmes/" + id + "/benefits", benefit);
        }
        return id;
    }

    private static List<String> enrol(String service, String programme, int members) throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String customer = UUID.randomUUID().toString();
            post(
                    service + "/api/v1/loyalty/programmes/" + programme + "/members",
                    "{\"customerId\":\"" + customer + "\"}");
            customers.add(customer);
        }
        return customers;
    }

    private static JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", ServiceTokens.bearer("loyalty-service"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
