package io.rapport.bench.ratio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.bench.faults.Stack;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.devstack.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The purchase path end to end: purchases POSTed through the gateway at a fixed rate (open loop: a ticker hands each
 * purchase to a fixed pool of sender threads, whatever the answers' latency), and a watcher that polls the three
 * consumers' databases (loyalty's ledger entry, segmentation's applied fact, engagement's follow-up contact) for each
 * accepted purchase. A purchase's latency is from the start of its POST until it is committed in all three. The
 * catch-up figure: a backlog of purchase events produced straight to {@code customer.events}, and the time until each
 * consumer has applied all of it.
 */
final class Purchases implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int SENDERS = 32;

    record Step(
            double rate,
            double p50,
            double p99,
            double achievedRate,
            long accepted,
            long unseen,
            boolean sustained,
            boolean meets,
            double[] p50PerRound,
            double[] p99PerRound) {}

    private final String gateway;
    private final String authorization;
    private final List<String> customers;
    private final HttpClient http;
    private final ExecutorService httpExecutor = Executors.newFixedThreadPool(2, daemon("ratio-http"));
    private final Connection loyalty;
    private final Connection segmentation;
    private final Connection engagement;
    private final AtomicLong sequence = new AtomicLong();
    private final String runId;
    private String followUpPlan;

    Purchases(Stack stack, String gateway, String token, List<String> customers, String runId) throws Exception {
        this.gateway = gateway;
        this.authorization = "Bearer " + token;
        this.customers = customers;
        this.runId = runId;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        this.loyalty = stack.database("loyalty");
        this.segmentation = stack.database("segmentation");
        this.engagement = stack.database("engagement");
    }

    /** The payload customer-service publishes for a purchase (rapport.customer.purchase-recorded.v1). */
    static String payload(String customer, String purchaseId, String amount) {
        return """
                {"purchaseId":"%s","customerId":"%s","sourceSystem":"bench","orderId":"B-%s","occurredAt":"%s","currency":"EUR",\
                "total":"%s","costOfGoods":"1.00","channel":"store","store":"HQ","lines":[{"lineId":"1","sku":"SKU-1",\
                "category":"kitchen","quantity":1,"unitPrice":"%s","unitCost":"1.00","lineTotal":"%s"}]}""".formatted(purchaseId, customer, purchaseId, Instant.now(), amount, amount, amount);
    }

    /** POSTs one purchase; the purchase id, or null when it was not accepted. */
    String purchase(long n) {
        String customer = customers.get((int) (n % customers.size()));
        String body = """
                {"sourceSystem":"bench","orderId":"RATIO-%s-%d","occurredAt":"%s","currency":"EUR","channel":"web",\
                "lines":[{"sku":"RATIO-1","category":"bench","quantity":1,"unitPrice":"%d.00","unitCost":"%d.00"}]}""".formatted(runId, n, Instant.now(), 10 + n % 90, 5 + n % 45);
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/v1/customers/" + customer + "/purchases"))
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                return null;
            }
            JsonNode json = JSON.readTree(r.body());
            return json.path("id").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** Finds engagement's follow-up plan id (part of a follow-up's source key) from one purchase, waiting for it. */
    void discoverFollowUpPlan() throws Exception {
        String customer = customers.get(0);
        String id = null;
        for (int i = 0; i < 5 && id == null; i++) {
            id = purchase(sequence.incrementAndGet() * customers.size()); // n % size == 0: customers.get(0)
        }
        if (id == null) {
            throw new IllegalStateException("the gateway accepted no purchase (POST /api/v1/customers/{id}/purchases)");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (PreparedStatement q = engagement.prepareStatement("select split_part(source_key, ':', 3) from contact"
                    + " where customer_id = ?::uuid and source_key like ?")) {
                q.setString(1, customer);
                q.setString(2, "purchase:" + id + ":%");
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        followUpPlan = rs.getString(1);
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("engagement planned no follow-up for purchase " + id + " within 60 s");
    }

    /** Engagement's follow-up plan id, after {@link #discoverFollowUpPlan}. */
    String followUpPlan() {
        return followUpPlan;
    }

    private static final class Pending {
        final long sentNanos;
        final int round;
        volatile long loyaltyAt;
        volatile long segmentationAt;
        volatile long engagementAt;

        Pending(long sentNanos, int round) {
            this.sentNanos = sentNanos;
            this.round = round;
        }
    }

    /** Purchases at {@code rate}/s: a warm-up, then {@code rounds} timed rounds; medians of the rounds' p50 and p99. */
    Step step(double rate, Duration warmup, Duration round, int rounds, double p50Goal, double p99Goal)
            throws Exception {
        Map<String, Pending> pending = new ConcurrentHashMap<>();
        List<List<Long>> latencies = new ArrayList<>();
        long[] acceptedPerRound = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            latencies.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicBoolean watching = new AtomicBoolean(true);
        List<Thread> watchers = watch(pending, latencies, watching);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("ratio-ticker"));
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemon("ratio-sender"));
        int[] currentRound = {-1};
        long[] accepted = new long[rounds];
        long period = Math.max(100, Math.round(1_000_000 / rate));
        ticker.scheduleAtFixedRate(
                () -> {
                    int r = currentRound[0];
                    senders.execute(() -> {
                        long t0 = System.nanoTime();
                        String id = purchase(sequence.incrementAndGet());
                        if (id != null) {
                            if (r >= 0) {
                                synchronized (accepted) {
                                    accepted[r]++;
                                }
                            }
                            pending.put(id, new Pending(t0, r));
                        }
                    });
                },
                0,
                period,
                TimeUnit.MICROSECONDS);
        Thread.sleep(warmup.toMillis());
        long[] started = new long[rounds];
        double[] roundSeconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            currentRound[0] = r;
            started[r] = System.nanoTime();
            Thread.sleep(round.toMillis());
            roundSeconds[r] = (System.nanoTime() - started[r]) / 1e9;
        }
        currentRound[0] = -1;
        ticker.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        // every accepted purchase of a round must become visible; 10 s after the last is accepted, the rest count as
        // unseen
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pending.values().stream().anyMatch(p -> p.round >= 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        watching.set(false);
        for (Thread watcher : watchers) {
            watcher.join(5000);
        }
        long unseen = pending.values().stream().filter(p -> p.round >= 0).count();
        System.arraycopy(accepted, 0, acceptedPerRound, 0, rounds);
        double[] p50 = new double[rounds];
        double[] p99 = new double[rounds];
        double[] achieved = new double[rounds];
        boolean sustained = unseen == 0;
        long acceptedTotal = 0;
        for (int r = 0; r < rounds; r++) {
            long[] sorted = latencies.get(r).stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            int rr = r;
            long unseenInRound =
                    pending.values().stream().filter(p -> p.round == rr).count();
            // an unseen purchase counts as slower than any seen one
            long[] withUnseen = Arrays.copyOf(sorted, sorted.length + (int) unseenInRound);
            Arrays.fill(withUnseen, sorted.length, withUnseen.length, Long.MAX_VALUE / 2);
            p50[r] = Rounds.percentile(withUnseen, 50);
            p99[r] = Rounds.percentile(withUnseen, 99);
            achieved[r] = acceptedPerRound[r] / roundSeconds[r];
            acceptedTotal += acceptedPerRound[r];
            sustained &= achieved[r] >= 0.95 * rate;
        }
        double mp50 = Rounds.median(p50);
        double mp99 = Rounds.median(p99);
        return new Step(
                rate,
                mp50,
                mp99,
                Rounds.median(achieved),
                acceptedTotal,
                unseen,
                sustained,
                sustained && mp50 < p50Goal && mp99 < p99Goal,
                p50,
                p99);
    }

    /**
     * One watcher thread per consumer database, each polling only for the purchases it has not seen yet, so that one
     * database's query never delays noticing another's row (one thread polling the three in turn added up to two other
     * queries to each observation). A purchase counts as visible in a database at the start of the first query that
     * found it: the row was committed before that query's snapshot, taken right after the query arrives; stamping the
     * moment the answer was read instead added the query's own run and transfer time to every latency.
     */
    private List<Thread> watch(Map<String, Pending> pending, List<List<Long>> latencies, AtomicBoolean watching) {
        List<Thread> threads = List.of(
                watcher(
                        "loyalty",
                        loyalty,
                        "select substr(source_key, 10) from ledger_entry where source_key = any(?)",
                        pending,
                        latencies,
                        watching,
                        p -> p.loyaltyAt == 0,
                        (p, t) -> p.loyaltyAt = t,
                        id -> "purchase:" + id),
                watcher(
                        "segmentation",
                        segmentation,
                        "select substr(fact_key, 10) from applied_fact where fact_key = any(?)",
                        pending,
                        latencies,
                        watching,
                        p -> p.segmentationAt == 0,
                        (p, t) -> p.segmentationAt = t,
                        id -> "purchase:" + id),
                watcher(
                        "engagement",
                        engagement,
                        "select split_part(source_key, ':', 2) from contact where source_key = any(?)",
                        pending,
                        latencies,
                        watching,
                        p -> p.engagementAt == 0,
                        (p, t) -> p.engagementAt = t,
                        id -> "purchase:" + id + ":" + followUpPlan));
        threads.forEach(Thread::start);
        return threads;
    }

    private static Thread watcher(
            String name,
            Connection db,
            String sql,
            Map<String, Pending> pending,
            List<List<Long>> latencies,
            AtomicBoolean watching,
            java.util.function.Predicate<Pending> missing,
            Setter setter,
            java.util.function.UnaryOperator<String> key) {
        Thread t = new Thread(
                () -> {
                    while (watching.get()) {
                        try {
                            List<Map.Entry<String, Pending>> open = new ArrayList<>(pending.entrySet());
                            if (!mark(db, sql, open, missing, setter, key)) {
                                Thread.sleep(1);
                                continue;
                            }
                            for (Map.Entry<String, Pending> e : open) {
                                Pending p = e.getValue();
                                if (p.loyaltyAt > 0
                                        && p.segmentationAt > 0
                                        && p.engagementAt > 0
                                        && pending.remove(e.getKey(), p)
                                        && p.round >= 0) {
                                    long visible = Math.max(p.loyaltyAt, Math.max(p.segmentationAt, p.engagementAt));
                                    latencies.get(p.round).add(visible - p.sentNanos);
                                }
                            }
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            System.err.println("watcher " + name + ": " + e.getMessage());
                        }
                    }
                },
                "ratio-watcher-" + name);
        t.setDaemon(true);
        return t;
    }

    private interface Setter {
        void set(Pending p, long at);
    }

    /** Polls once for the open purchases not yet seen in {@code db}; false when there were none to look for. */
    private static boolean mark(
            Connection db,
            String sql,
            List<Map.Entry<String, Pending>> open,
            java.util.function.Predicate<Pending> missing,
            Setter setter,
            java.util.function.UnaryOperator<String> key)
            throws Exception {
        Map<String, Pending> byKey = new HashMap<>();
        for (Map.Entry<String, Pending> e : open) {
            if (missing.test(e.getValue())) {
                byKey.put(key.apply(e.getKey()), e.getValue());
            }
        }
        if (byKey.isEmpty()) {
            return false;
        }
        Map<String, Pending> byId = new HashMap<>();
        for (Map.Entry<String, Pending> e : open) {
            byId.put(e.getKey(), e.getValue());
        }
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, db.createArrayOf("text", byKey.keySet().toArray()));
            long asked = System.nanoTime();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Pending p = byId.get(rs.getString(1));
                    if (p != null) {
                        setter.set(p, asked);
                    }
                }
            }
        }
        return true;
    }

    /**
     * A backlog of {@code events} purchase events produced to customer.events at once (for the population's customers),
     * then per consumer (loyalty, segmentation, engagement) the events applied per second until all are applied.
     */
    Map<String, Double> catchUp(Limits limits, int events) throws Exception {
        String[] ids = new String[events];
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = limits.producer()) {
            for (int i = 0; i < events; i++) {
                String customer = customers.get(i % customers.size());
                ids[i] = UUID.randomUUID().toString();
                producer.send(TestKafka.cloudEvent(
                        CustomerEvents.PURCHASE_RECORDED.topic(),
                        UUID.randomUUID().toString(),
                        CustomerEvents.PURCHASE_RECORDED.name(),
                        "/bench",
                        customer,
                        payload(customer, ids[i], (10 + i % 90) + ".90")));
            }
            producer.flush();
        }
        String[] loyaltyKeys = Arrays.stream(ids).map(id -> "purchase:" + id).toArray(String[]::new);
        String[] engagementKeys = Arrays.stream(ids)
                .map(id -> "purchase:" + id + ":" + followUpPlan)
                .toArray(String[]::new);
        Map<String, Double> rates = new HashMap<>();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        while (rates.size() < 3 && System.nanoTime() < deadline) {
            if (!rates.containsKey("loyalty")
                    && count(loyalty, "select count(*) from ledger_entry where source_key = any(?)", loyaltyKeys)
                            >= events) {
                rates.put("loyalty", events / ((System.nanoTime() - t0) / 1e9));
            }
            if (!rates.containsKey("segmentation")
                    && count(segmentation, "select count(*) from applied_fact where fact_key = any(?)", loyaltyKeys)
                            >= events) {
                rates.put("segmentation", events / ((System.nanoTime() - t0) / 1e9));
            }
            if (!rates.containsKey("engagement")
                    && count(engagement, "select count(*) from contact where source_key = any(?)", engagementKeys)
                            >= events) {
                rates.put("engagement", events / ((System.nanoTime() - t0) / 1e9));
            }
            Thread.sleep(50);
        }
        for (String consumer : List.of("loyalty", "segmentation", "engagement")) {
            rates.putIfAbsent(consumer, 0.0); // not caught up within 180 s
        }
        return rates;
    }

    private static long count(Connection db, String sql, String[] keys) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, db.createArrayOf("text", keys));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() throws Exception {
        httpExecutor.shutdownNow();
        for (Connection c : new Connection[] {loyalty, segmentation, engagement}) {
            c.close();
        }
    }
}
