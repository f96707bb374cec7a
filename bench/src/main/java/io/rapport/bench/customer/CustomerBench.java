package io.rapport.bench.customer;

import io.rapport.bench.token.ServiceTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * customer-service benchmark against a running service. Seeds N customers (default 1,000,000) set-based
 * with {@code generate_series} straight into the service's database (idempotent: re-runs add only what is
 * missing), then measures with closed-loop HTTP clients: lookup by id, e-mail and phone (p50/p99),
 * create-customer and record-purchase throughput, and NDJSON bulk import rows/s for customers and purchases.
 *
 * <p>Options: {@code --base http://localhost:18091 --jdbc <url> --user postgres --password postgres
 * --customers 1000000 --clients 16 --seconds 15 --warmup 5 --import-rows 100000
 * --phases lookups,writes,import}; {@code --phases none} with {@code --jdbc} only seeds.
 */
public final class CustomerBench {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    private static String baseUrl = "http://localhost:18091";

    private final int customers;
    private final int clients;
    private final int seconds;
    private final int warmup;

    private CustomerBench(Map<String, String> o) {
        this.customers = Integer.parseInt(o.getOrDefault("customers", "1000000"));
        this.clients = Integer.parseInt(o.getOrDefault("clients", "16"));
        this.seconds = Integer.parseInt(o.getOrDefault("seconds", "15"));
        this.warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        baseUrl = o.getOrDefault("base", baseUrl);
        CustomerBench bench = new CustomerBench(o);
        if (o.containsKey("jdbc")) {
            bench.seed(o.get("jdbc"), o.getOrDefault("user", "postgres"), o.getOrDefault("password", "postgres"));
        }
        List<String> phases =
                List.of(o.getOrDefault("phases", "lookups,writes,import").split(","));
        if (phases.contains("lookups")) {
            bench.run("lookup by id", g -> get("/api/v1/customers/" + uuid("bench-" + g)));
            bench.run("lookup by e-mail", g -> get("/api/v1/customers/lookup?email=bench" + g + "%40bench.example"));
            bench.run("lookup by phone", g -> get("/api/v1/customers/lookup?phone=%2B4915" + String.format("%09d", g)));
        }
        if (phases.contains("writes")) {
            bench.run(
                    "create customer",
                    g -> post(
                            "/api/v1/customers",
                            "application/json",
                            "{\"kind\":\"CONSUMER\",\"givenName\":\"Load\",\"familyName\":\"Test\",\"emails\":[{\"value\":\"load-"
                                    + SEQUENCE.incrementAndGet()
                                    + "@bench.example\"}],\"timeZone\":\"Europe/Berlin\"}"));
            bench.run(
                    "record purchase",
                    g -> post(
                            "/api/v1/customers/" + uuid("bench-" + g) + "/purchases",
                            "application/json",
                            purchase(SEQUENCE.incrementAndGet())));
        }
        if (phases.contains("import")) {
            bench.bulkImport(Integer.parseInt(o.getOrDefault("import-rows", "100000")));
        }
    }

    /** Inserts bench customers 1..N with one e-mail and one phone each; ids are md5('bench-' || n) as uuid. */
    private void seed(String jdbc, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, user, password);
                Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute(
                    "insert into customer (id, version, kind, status, display_name, given_name, family_name, time_zone, target,"
                            + " do_not_contact, last_activity_at, created_at, updated_at) select md5('bench-' || g)::uuid, 0, 'CONSUMER',"
                            + " 'ACTIVE', 'Bench Customer ' || g, 'Bench', 'Customer ' || g, 'Europe/Berlin', false, false, now(), now(), now()"
                            + " from generate_series(1, " + customers + ") g on conflict do nothing");
            s.execute("insert into customer_contact_point (id, customer_id, kind, value, is_primary) select"
                    + " md5('bench-email-' || g)::uuid, md5('bench-' || g)::uuid, 'EMAIL', 'bench' || g || '@bench.example', true"
                    + " from generate_series(1, " + customers + ") g on conflict do nothing");
            s.execute("insert into customer_contact_point (id, customer_id, kind, value, is_primary) select"
                    + " md5('bench-phone-' || g)::uuid, md5('bench-' || g)::uuid, 'PHONE', '+4915' || lpad(g::text, 9, '0'), true"
                    + " from generate_series(1, " + customers + ") g on conflict do nothing");
            s.execute("analyze customer");
            s.execute("analyze customer_contact_point");
            try (ResultSet rs = s.executeQuery("select count(*) from customer")) {
                rs.next();
                System.out.printf(
                        "seeded: %d customers in the database (%.1f s)%n",
                        rs.getLong(1), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private void run(String name, IntFunction<HttpRequest> request) throws InterruptedException {
        phase(request, warmup);
        Latencies l = phase(request, seconds);
        System.out.printf(
                "%-18s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests, %d errors, %d clients)%n",
                name, l.count() / (double) seconds, l.millis(0.50), l.millis(0.99), l.count(), l.errors(), clients);
    }

    private Latencies phase(IntFunction<HttpRequest> request, int duration) throws InterruptedException {
        long end = System.nanoTime() + duration * 1_000_000_000L;
        List<Latencies> parts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Latencies mine = new Latencies();
            parts.add(mine);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest r = request.apply(ThreadLocalRandom.current().nextInt(1, customers + 1));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() >= 300) {
                            mine.error();
                        } else {
                            mine.add(System.nanoTime() - t0);
                        }
                    } catch (IOException | InterruptedException e) {
                        mine.error();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        return Latencies.merge(parts);
    }

    private void bulkImport(int rows) throws IOException, InterruptedException {
        long run = SEQUENCE.incrementAndGet();
        StringBuilder customersFile = new StringBuilder(rows * 120);
        for (int i = 0; i < rows; i++) {
            customersFile
                    .append("{\"kind\":\"CONSUMER\",\"givenName\":\"Imported\",\"familyName\":\"")
                    .append(i)
                    .append("\",\"emails\":[{\"value\":\"import-")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append("@bench.example\"}],\"externalIds\":[{\"system\":\"bench\",\"id\":\"")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append("\"}]}\n");
        }
        timeImport("import customers", "/api/v1/customers/import", customersFile.toString(), rows);
        StringBuilder purchasesFile = new StringBuilder(rows * 200);
        for (int i = 0; i < rows; i++) {
            purchasesFile
                    .append("{\"customerId\":\"")
                    .append(uuid("bench-" + (1 + i % customers)))
                    .append("\",")
                    .append(purchase(run * 1_000_000L + i).substring(1))
                    .append('\n');
        }
        timeImport("import purchases", "/api/v1/customers/import/purchases", purchasesFile.toString(), rows);
        timeImport("re-import (no-op)", "/api/v1/customers/import/purchases", purchasesFile.toString(), rows);
    }

    private static void timeImport(String name, String path, String body, int rows)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r =
                HTTP.send(post(path, "application/x-ndjson", body), HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t0) / 1e9;
        int errors = r.body().indexOf("\"errors\"");
        String summary = errors > 0 ? r.body().substring(0, errors) : r.body();
        System.out.printf(
                "%-18s %8.0f rows/s  (%d rows in %.1f s, HTTP %d, %s)%n",
                name, rows / s, rows, s, r.statusCode(), summary);
    }

    private static String purchase(long order) {
        return "{\"sourceSystem\":\"bench\",\"orderId\":\"B-" + order + "\",\"occurredAt\":\"2025-06-01T10:00:00Z\","
                + "\"currency\":\"EUR\",\"channel\":\"web\",\"lines\":[{\"sku\":\"SKU-1\",\"category\":\"bedding\",\"quantity\":2,"
                + "\"unitPrice\":\"19.90\",\"unitCost\":\"7.00\"},{\"sku\":\"SKU-2\",\"category\":\"bath\",\"quantity\":1,"
                + "\"unitPrice\":\"9.90\",\"unitCost\":\"3.00\"}]}";
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .header("Authorization", ServiceTokens.bearer("customer-service"))
                .GET()
                .build();
    }

    private static HttpRequest post(String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", type)
                .header("Authorization", ServiceTokens.bearer("customer-service"))
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** The uuid PostgreSQL makes of {@code md5(text)::uuid}. */
    static String uuid(String text) {
        try {
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
