package io.rapport.bench.segmentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.bench.token.ServiceTokens;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.devstack.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark of segmentation-service (see bench/README.md). Against a running service and its database:
 * generates N customers with month facts set-based (generate_series) in the database, times full recomputes
 * through the API (first run, steady-state run, run after 1% of customers changed) and one hand-written SQL
 * window query doing the ABC part on the same data, and optionally the event-driven profile update rate
 * (purchase events produced to customer.events until the service has counted them all).
 *
 * <p>Arguments (all optional): {@code --jdbc URL --user U --password P --service URL --customers N
 * --events N --kafka BOOTSTRAP --phase all|seed|measure} (seed: only generate the data; measure: only measure, on data
 * seeded before).
 */
public final class SegmentationBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> opts;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> results = new LinkedHashMap<>();

    private SegmentationBench(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new SegmentationBench(opts).run();
    }

    private String opt(String name, String fallback) {
        return opts.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        int customers = Integer.parseInt(opt("customers", "1000000"));
        int events = Integer.parseInt(opt("events", "0"));
        String phase = opt("phase", "all");
        try (Connection db = DriverManager.getConnection(
                opt("jdbc", "jdbc:postgresql://localhost:15432/segmentation"),
                opt("user", "postgres"),
                opt("password", "postgres"))) {
            db.setAutoCommit(true);
            if (!phase.equals("measure")) {
                long t = System.nanoTime();
                generate(db, customers);
                record(
                        "generate " + customers + " customers, " + count(db, "select count(*) from value_month")
                                + " month facts",
                        t);
            }
            if (!phase.equals("seed")) {
                measure(db, customers, events);
            }
        }
        System.out.println();
        System.out.println("segmentation-service benchmark");
        results.forEach((k, v) -> System.out.printf("  %-66s %s%n", k, v));
    }

    /**
     * On seeded data: forgets every class, run, applied fact and outbox row (so each measurement starts from the
     * same state), then times the hand-written query and full recomputes of both schemes (first, steady state, after
     * 1% of customers changed; the change is undone afterwards), an ABC-only run, and the event rate.
     */
    private void measure(Connection db, int customers, int events) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("truncate customer_segment, segment_change, segment_run, applied_fact, run_event_job");
            s.execute("truncate rapport_outbox");
            s.execute("vacuum analyze customer_segment");
            s.execute("checkpoint");
        }
        hand(db, "hand-written ABC window query (first)", false);
        hand(db, "hand-written ABC window query (again)", false);
        hand(db, "hand-written ABC window query over the kept window totals", true);
        hand(db, "hand-written ABC window query over the kept window totals (again)", true);
        run(db, null, "ABC + VALUE run 1 (first classification of everyone)");
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze customer_segment");
            s.execute("checkpoint");
        }
        run(db, null, "ABC + VALUE run 2 (steady state, nothing changed)");
        run(db, null, "ABC + VALUE run 3 (steady state, nothing changed)");
        run(db, "ABC", "ABC alone (steady state)");
        run(db, "VALUE", "VALUE alone (steady state)");
        String changed = "month = date_trunc('month', now())::date and abs(hashtext(customer_id::text)) % 100 = 0";
        try (Statement s = db.createStatement()) {
            s.execute("update value_month set revenue = revenue + 5000 where " + changed);
        }
        try {
            run(db, null, "ABC + VALUE run 4 (1% of customers +5000 revenue this month)");
        } finally {
            try (Statement s = db.createStatement()) {
                s.execute("update value_month set revenue = revenue - 5000 where " + changed);
            }
        }
        hand(db, "hand-written ABC window query (after the runs)", false);
        hand(db, "hand-written ABC window query over the kept window totals (after the runs)", true);
        if (events > 0) {
            events(db, events, customers);
        }
    }

    private void record(String what, long startNanos) {
        results.put(what, String.format("%,.0f ms", (System.nanoTime() - startNanos) / 1e6));
        System.out.println(what + ": " + results.get(what));
    }

    /** Customers with a skewed (Pareto-like) revenue over 1 to 4 months of the window, some wallets, costs, refunds. */
    private static void generate(Connection db, int n) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(
                    "truncate customer_profile, value_month, category_month, customer_segment, segment_change, segment_run,"
                            + " applied_fact, run_event_job");
            s.execute("delete from rapport_outbox");
            s.execute("insert into customer_profile (customer_id, kind, wallet, target, customer_since)"
                    + " select md5('c' || g)::uuid, 'CONSUMER', case when g % 10 = 0 then (1000 + (g::bigint * 7919) % 50000)::numeric end,"
                    + " g % 50 = 0, now() - make_interval(days => g % 3650) from generate_series(1, " + n + ") g");
            s.execute(
                    "insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints)"
                            + " select md5('c' || g)::uuid, (date_trunc('month', now()) - make_interval(months => m))::date,"
                            + " r.revenue, round(r.revenue * 0.6, 2), case when (g + m) % 20 = 0 then round(r.revenue * 0.1, 2) else 0 end,"
                            + " case when (g + m) % 7 = 0 then 25 else 0 end, 1 + (g + m) % 3, case when (g + m) % 97 = 0 then 1 else 0 end"
                            + " from generate_series(1, " + n + ") g cross join lateral generate_series(0, g % 4) m"
                            + " cross join lateral (select round(10000.0 / (1 + (g::bigint * 2654435761 % 1000)) * (1 + m), 2) as revenue) r");
            s.execute("vacuum analyze customer_profile");
            s.execute("vacuum analyze value_month");
            s.execute("checkpoint");
        }
    }

    /**
     * The ABC part by hand: window revenue per customer, cumulative share, cut-offs 80/95, counts per class. The window
     * revenue is summed from the month facts, or ({@code kept}) read from the totals the service keeps on the profiles
     * (what its runs read). Plain session settings.
     */
    private void hand(Connection db, String what, boolean kept) throws SQLException {
        String values = kept ? """
                  select customer_id, w_revenue as value from customer_profile
                   where merged_into is null and not erased and ?::date is not null""" : """
                  select p.customer_id, coalesce(sum(v.revenue), 0) as value
                    from customer_profile p
                    left join value_month v on v.customer_id = p.customer_id and v.month >= ?
                   where p.merged_into is null and not p.erased
                   group by p.customer_id""";
        String sql = """
                select label, count(*) from (
                  select case when value <= 0 then 'C' when 100 * (cum - value) < 80 * total then 'A'
                              when 100 * (cum - value) < 95 * total then 'B' else 'C' end as label
                    from (select value, sum(greatest(value, 0)) over (order by value desc, customer_id) as cum,
                                 sum(greatest(value, 0)) over () as total
                            from (%s) a) r) x
                 group by label order by label
                """.formatted(values);
        LocalDate window = YearMonth.now(ZoneOffset.UTC).minusMonths(11).atDay(1);
        long t = System.nanoTime();
        StringBuilder counts = new StringBuilder();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setObject(1, window);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.append(rs.getString(1))
                            .append('=')
                            .append(rs.getLong(2))
                            .append(' ');
                }
            }
        }
        record(what, t);
        System.out.println("  classes by hand: " + counts);
    }

    /** A recompute through the API: one scheme, or every scheme (null) in one request; prints each run's figures. */
    private void run(Connection db, String scheme, String what) throws Exception {
        String body = scheme == null ? "{}" : "{\"scheme\":\"" + scheme + "\"}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(opt("service", "http://localhost:8092") + "/api/v1/segments/runs"))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .header("Authorization", ServiceTokens.bearer("segmentation-service"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "run of " + scheme + " answered " + response.statusCode() + ": " + response.body());
        }
        record(what, t);
        while (count(db, "select count(*) from run_event_job") > 0) {
            Thread.sleep(50);
        }
        record(what + ", its events written", t);
        JsonNode runs = JSON.readTree(response.body()).path("runs");
        for (JsonNode r : runs) {
            long ms = Duration.between(
                            Instant.parse(r.path("startedAt").asText()),
                            Instant.parse(r.path("completedAt").asText()))
                    .toMillis();
            System.out.printf(
                    "  %s: %,d ms from the start of the request's transaction, %s customers, %s changed, counts %s%n",
                    r.path("scheme").asText(),
                    ms,
                    r.path("customers").asText(),
                    r.path("changed").asText(),
                    r.path("counts"));
        }
    }

    /** Purchase events for existing customers; the rate is until the service has applied the last one. */
    private void events(Connection db, int n, int customers) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", opt("kafka", "localhost:19092"));
        p.put("acks", "all");
        p.put("linger.ms", "5");
        long t = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String customer = uuidOf(1 + (i * 7919L) % customers);
                String purchase = "bench-" + UUID.randomUUID();
                String json = "{\"purchaseId\":\"" + purchase + "\",\"customerId\":\"" + customer
                        + "\",\"sourceSystem\":\"bench\","
                        + "\"orderId\":\"" + purchase + "\",\"occurredAt\":\"" + Instant.now()
                        + "\",\"currency\":\"EUR\","
                        + "\"total\":\"120.00\",\"costOfGoods\":\"70.00\",\"channel\":\"WEB\",\"store\":null,\"lines\":[{\"lineId\":\"1\","
                        + "\"sku\":\"SKU-1\",\"category\":\"CAT-" + (i % 40)
                        + "\",\"quantity\":1,\"unitPrice\":\"120.00\","
                        + "\"unitCost\":\"70.00\",\"lineTotal\":\"120.00\"}]}";
                producer.send(TestKafka.cloudEvent(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        UUID.randomUUID().toString(),
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        "/bench",
                        customer,
                        json));
            }
        }
        long applied = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (applied < n && System.nanoTime() < deadline) {
            Thread.sleep(250);
            applied = count(db, "select count(*) from applied_fact where fact_key like 'purchase:bench-%'");
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        results.put(
                n + " purchase events applied (produce to last applied)",
                String.format("%,.1f s = %,.0f events/s", seconds, applied / seconds));
    }

    /** The id generate() gives customer g: md5('c' || g) read as a uuid. */
    private static String uuidOf(long g) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5").digest(("c" + g).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : d) {
            hex.append(String.format("%02x", b));
        }
        String h = hex.toString();
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
