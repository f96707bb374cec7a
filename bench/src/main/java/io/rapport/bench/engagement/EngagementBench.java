package io.rapport.bench.engagement;

import io.rapport.bench.BenchDb;
import io.rapport.bench.token.ServiceTokens;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.devstack.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Two figures of engagement-service against a running instance (its database migrated by the service):
 * <ol>
 * <li>agenda latency: {@code --contacts} PLANNED contacts for {@code --reps} reps ({@code bench-agenda-<n>}), due from
 * 60 days ago to 60 days ahead, are inserted set-based (generate_series) unless present already: they are kept between
 * runs, and {@code --skip measure} only seeds them (do that before a measured run, and run the service with its jobs
 * off, or its dispatcher spends the run marking the overdue ones DUE and expiring those past their validity); then
 * {@code --queries} agenda requests
 * ({@code GET /api/v1/engagement/contacts/agenda}) from {@code --clients} closed-loop HTTP clients for random reps,
 * printing p50/p95/p99/max over HTTP and over JDBC, and the query plan (target: p99 under 50 ms);</li>
 * <li>scheduling throughput: {@code --customers} ACCOUNTABLE customers are registered through customer.events and
 * segmentation.events, then {@code --purchases} purchase-recorded CloudEvents are produced and timed until every one
 * has its follow-up contact row (target: at least 1,000 events/s).</li>
 * </ol>
 * Arguments (defaults): {@code --service http://localhost:8093 --kafka localhost:19092
 * --db jdbc:postgresql://localhost:15432/engagement --db-user postgres --db-password postgres --contacts 1000000
 * --reps 2000 --queries 3000 --clients 1 --customers 5000 --purchases 20000 --skip ""} ({@code --skip agenda} or
 * {@code --skip scheduling} leaves a part out, {@code --skip measure} only seeds the agenda contacts).
 */
public final class EngagementBench {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The statement engagement-service runs for an agenda page (AgendaQuery). */
    private static final String AGENDA_SQL =
            "with page as (select id, customer_value, due_at from contact where assignee_id = ?"
                    + " and state in ('PLANNED', 'DUE') and due_at < ? and paused_reason is null"
                    + " order by customer_value desc, due_at, id limit 20 offset 0)"
                    + " select c.* from contact c join page p on p.id = c.id order by p.customer_value desc, p.due_at, p.id";

    private EngagementBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.ofEntries(
                Map.entry("service", "http://localhost:8093"),
                Map.entry("kafka", "localhost:19092"),
                Map.entry("db", "jdbc:postgresql://localhost:15432/engagement"),
                Map.entry("db-user", "postgres"),
                Map.entry("db-password", "postgres"),
                Map.entry("contacts", "1000000"),
                Map.entry("reps", "2000"),
                Map.entry("queries", "3000"),
                Map.entry("clients", "1"),
                Map.entry("customers", "5000"),
                Map.entry("purchases", "20000"),
                Map.entry("skip", "")));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try (Connection db = DriverManager.getConnection(o.get("db"), o.get("db-user"), o.get("db-password"))) {
            if (o.get("skip").contains("measure")) {
                seed(o, db);
                return;
            }
            if (!o.get("skip").contains("agenda")) {
                agenda(o, db);
            }
            if (!o.get("skip").contains("scheduling")) {
                scheduling(o, db);
            }
        }
    }

    /** The assignees of the seeded contacts are {@code bench-agenda-0} .. {@code bench-agenda-<reps - 1>}. */
    private static final String REP = "bench-agenda-";

    /**
     * Tops the agenda contacts up (set-based) to {@code --contacts} open ones for {@code --reps} reps, after removing
     * seeded ones that a dispatcher run closed; kept between runs (seed once, measure many times).
     */
    private static void seed(Map<String, String> o, Connection db) throws Exception {
        int contacts = Integer.parseInt(o.get("contacts"));
        int reps = Integer.parseInt(o.get("reps"));
        try (PreparedStatement closed = db.prepareStatement(
                "delete from contact where assignee_id like ?" + " and state not in ('PLANNED', 'DUE')")) {
            closed.setString(1, REP + "%");
            System.out.printf("agenda: %d seeded contacts closed by a dispatcher removed%n", closed.executeUpdate());
        }
        long existing;
        try (PreparedStatement count = db.prepareStatement(
                "select count(*) from contact where assignee_id like ?" + " and state in ('PLANNED', 'DUE')")) {
            count.setString(1, REP + "%");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                existing = rs.getLong(1);
            }
        }
        if (existing >= contacts) {
            System.out.printf("agenda: %d seeded open contacts present%n", existing);
            return;
        }
        long t0 = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into contact (id, customer_id, channel, purpose, state, requested_at, due_at, expires_at, assignee_id,
                                     customer_value, created_by, created_at)
                select gen_random_uuid(), gen_random_uuid(), 'PHONE', 'CHECK_IN', 'PLANNED', d, d, d + interval '14 days',
                       ? || (g % ?), round((random() * 10000)::numeric, 2), 'bench', now()
                  from generate_series(?, ?) g,
                       lateral (select now() - interval '60 days' + random() * interval '120 days' + g * interval '0 second') t(d)
                """)) {
            insert.setString(1, REP);
            insert.setInt(2, reps);
            insert.setLong(3, existing + 1);
            insert.setLong(4, contacts);
            insert.executeUpdate();
        }
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze contact");
        }
        System.out.printf(
                "agenda: inserted %d PLANNED contacts for %d reps in %.1f s (set-based)%n",
                contacts - existing, reps, (System.nanoTime() - t0) / 1e9);
    }

    private static void agenda(Map<String, String> o, Connection db) throws Exception {
        seed(o, db);
        int reps = Integer.parseInt(o.get("reps"));
        Instant endOfToday = LocalDate.now(ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        try (PreparedStatement explain = db.prepareStatement("explain (analyze, buffers) " + AGENDA_SQL)) {
            explain.setString(1, REP + "7");
            explain.setObject(2, java.sql.Timestamp.from(endOfToday));
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    System.out.println("  plan: " + rs.getString(1));
                }
            }
        }
        int queries = Integer.parseInt(o.get("queries"));
        int clients = Integer.parseInt(o.get("clients"));
        long[] jdbc = new long[queries];
        try (PreparedStatement q = db.prepareStatement(AGENDA_SQL)) {
            for (int i = 0; i < queries + 200; i++) {
                long s = System.nanoTime();
                q.setString(1, REP + ThreadLocalRandom.current().nextInt(reps));
                q.setObject(2, java.sql.Timestamp.from(endOfToday));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                if (i >= 200) {
                    jdbc[i - 200] = System.nanoTime() - s;
                }
            }
        }
        print("agenda over JDBC (page of 20)", jdbc);
        String url = o.get("service") + "/api/v1/engagement/contacts/agenda?size=20&assignee=" + REP;
        for (int i = 0; i < 200; i++) {
            get(url + ThreadLocalRandom.current().nextInt(reps));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            parts.add(pool.submit(() -> {
                long[] t = new long[queries / clients];
                for (int i = 0; i < t.length; i++) {
                    long s = System.nanoTime();
                    get(url + ThreadLocalRandom.current().nextInt(reps));
                    t[i] = System.nanoTime() - s;
                }
                return t;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : parts) {
            Arrays.stream(f.get()).forEach(all::add);
        }
        pool.shutdown();
        print(
                "agenda over HTTP, " + clients + " clients (page of 20 with total)",
                all.stream().mapToLong(Long::longValue).toArray());
    }

    private static void scheduling(Map<String, String> o, Connection db) throws Exception {
        int customers = Integer.parseInt(o.get("customers"));
        int purchases = Integer.parseInt(o.get("purchases"));
        String owner = "bench-owner-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        Map<String, Object> props =
                Map.of("bootstrap.servers", o.get("kafka"), "acks", "all", "linger.ms", 5, "batch.size", 65536);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < customers; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                producer.send(event(
                        CustomerEvents.REGISTERED.topic(),
                        CustomerEvents.REGISTERED.name(),
                        id,
                        registered(id, owner)));
                producer.send(event(
                        SegmentationEvents.SEGMENT_CHANGED.topic(),
                        SegmentationEvents.SEGMENT_CHANGED.name(),
                        id,
                        """
                        {"customerId":"%s","scheme":"ABC","fromClass":null,"toClass":"A","policyVersion":1,"runId":null,
                         "recommendedLevel":"ACCOUNTABLE","figures":{"value":"%d.00"},"occurredAt":"%s"}""".formatted(id, ThreadLocalRandom.current().nextInt(100, 10000), Instant.now())));
            }
            producer.flush();
            BenchDb.waitForCount(
                    db,
                    "select count(*) from customer_profile where owner_id = ? and level = 'ACCOUNTABLE'",
                    owner,
                    customers,
                    Duration.ofMinutes(15));
            System.out.printf("scheduling: %d ACCOUNTABLE customers registered%n", customers);
            long start = System.nanoTime();
            for (int i = 0; i < purchases; i++) {
                String customer = ids.get(i % customers);
                producer.send(event(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        customer,
                        purchase(customer)));
            }
            producer.flush();
            long produced = System.nanoTime();
            // counted on the agenda's partial index (open, unpaused contacts by assignee): a cheap poll even with
            // 1,000,000
            // agenda contacts in the table; every bench purchase's call stays open (4 calls per customer fit the caps
            // before they expire)
            long done = BenchDb.waitForCount(
                    db,
                    "select count(*) from contact where assignee_id = ? and state in ('PLANNED', 'DUE')"
                            + " and paused_reason is null",
                    owner,
                    purchases,
                    Duration.ofMinutes(15));
            double seconds = (done - start) / 1e9;
            System.out.printf(
                    "scheduling: %d purchase events produced in %.2f s; every one had its satisfaction call after"
                            + " %.2f s -> %.0f events/s end to end (target >= 1000)%n",
                    purchases, (produced - start) / 1e9, seconds, purchases / seconds);
        }
    }

    private static String registered(String id, String owner) {
        return """
                {"customer":{"customerId":"%s","kind":"CONSUMER","status":"ACTIVE","displayName":"Bench","primaryEmail":null,
                 "primaryPhone":null,"emails":[],"phones":[],"locale":"en-GB","timeZone":"Europe/London","ownerId":"%s",
                 "tags":[],"referralCode":null,"wallet":null,"target":false,"consents":{"PHONE":true,"EMAIL":true},
                 "doNotContact":false,"channelPreference":["PHONE"],"createdAt":"%s","version":1}}""".formatted(id, owner, Instant.now());
    }

    private static String purchase(String customer) {
        String id = UUID.randomUUID().toString();
        return """
                {"purchaseId":"%s","customerId":"%s","sourceSystem":"bench","orderId":"B-%s","occurredAt":"%s","currency":"EUR",
                 "total":"99.90","costOfGoods":"50.00","channel":"store","store":"HQ","lines":[]}""".formatted(id, customer, id.substring(0, 8), Instant.now());
    }

    private static ProducerRecord<String, String> event(String topic, String type, String key, String payload) {
        return TestKafka.cloudEvent(topic, UUID.randomUUID().toString(), type, "/bench", key, payload);
    }

    private static void get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", ServiceTokens.bearer("engagement-service"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(
                "%s: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms (target p99 < 50 ms)%n",
                what, s.length, ms(s, 0.50), ms(s, 0.95), ms(s, 0.99), s[s.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
