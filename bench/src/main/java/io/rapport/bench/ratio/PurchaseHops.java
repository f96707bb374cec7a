package io.rapport.bench.ratio;

import io.rapport.bench.faults.GatewayApi;
import io.rapport.bench.faults.Population;
import io.rapport.bench.faults.Stack;
import io.rapport.bench.token.DevKeys;
import io.rapport.bench.token.DevTokens;
import io.rapport.contracts.customer.CustomerEvents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where a purchase's latency goes, hop by hop (issue 18): purchases POSTed through the gateway at a low fixed rate, and
 * per purchase the wall-clock times (one machine, one clock) of each hop, taken from where each hop leaves a trace:
 * the POST sent and answered (here), the outbox row's {@code created_at} (customer-service's transaction start) and
 * {@code sent_at} (the relay's update after Kafka's acknowledgement), the Kafka record's timestamp (the relay's
 * {@code send}) and its arrival at a probe consumer of this program, each consumer's {@code rapport_inbox.processed_at}
 * (the start of the transaction that applies the poll), and the moment this program's watcher (the same three queries
 * as {@link Purchases}) first sees the purchase in each consumer's database. Prints the median and p99 of each hop.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* io.rapport.bench.ratio.PurchaseHops --gateway URL [--rate 5]
 * [--seconds 60]</pre>
 */
public final class PurchaseHops {
    private PurchaseHops() {}

    private static final class Trace {
        final String purchaseId;
        Instant sent;
        Instant answered;
        String eventId;
        Instant created;
        Instant outboxSent;
        Instant recordTimestamp;
        Instant probeArrived;
        Instant committed;
        final Instant[] processed = new Instant[3];
        final Instant[] consumerCommitted = new Instant[3];
        final Instant[] seen = new Instant[3];

        Trace(String purchaseId) {
            this.purchaseId = purchaseId;
        }
    }

    private static final String[] CONSUMERS = {"loyalty", "segmentation", "engagement"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String gateway = opts.getOrDefault("gateway", "http://localhost:8080");
        double rate = Double.parseDouble(opts.getOrDefault("rate", "5"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        Stack stack = Stack.current();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        String token = DevTokens.sign(DevKeys.privateKey(), "purchase-hops", List.of("admin"), Duration.ofHours(1));
        Population.Made population =
                Population.make(new GatewayApi(gateway, token, Duration.ofSeconds(10)), "h" + runId.substring(9), 20);
        Map<String, Trace> byEvent = new ConcurrentHashMap<>();
        Map<String, Instant[]> probe = new ConcurrentHashMap<>(); // ce_id -> {record timestamp, arrival}
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread prober = new Thread(() -> probe(stack.kafkaBootstrap(), probe, probing), "hops-probe");
        prober.setDaemon(true);
        prober.start();
        try (Purchases purchases = new Purchases(stack, gateway, token, population.customers(), runId);
                Connection customer = stack.database("customer");
                Connection loyalty = stack.database("loyalty");
                Connection segmentation = stack.database("segmentation");
                Connection engagement = stack.database("engagement")) {
            purchases.discoverFollowUpPlan();
            String plan = purchases.followUpPlan();
            Map<String, Trace> open = new ConcurrentHashMap<>();
            List<Trace> all = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean watching = new AtomicBoolean(true);
            Connection[] dbs = {loyalty, segmentation, engagement};
            String[] sqls = {
                "select substr(source_key, 10) from ledger_entry where source_key = any(?)",
                "select substr(fact_key, 10) from applied_fact where fact_key = any(?)",
                "select split_part(source_key, ':', 2) from contact where source_key = any(?)"
            };
            Thread watcher = new Thread(
                    () -> {
                        while (watching.get()) {
                            try {
                                for (int c = 0; c < 3; c++) {
                                    List<String> keys = new ArrayList<>();
                                    for (Trace t : open.values()) {
                                        if (t.seen[c] == null) {
                                            keys.add("purchase:" + t.purchaseId + (c == 2 ? ":" + plan : ""));
                                        }
                                    }
                                    if (keys.isEmpty()) {
                                        continue;
                                    }
                                    try (PreparedStatement q = dbs[c].prepareStatement(sqls[c])) {
                                        q.setArray(1, dbs[c].createArrayOf("text", keys.toArray()));
                                        try (ResultSet rs = q.executeQuery()) {
                                            Instant now = Instant.now();
                                            while (rs.next()) {
                                                Trace t = open.get(rs.getString(1));
                                                if (t != null) {
                                                    t.seen[c] = now;
                                                }
                                            }
                                        }
                                    }
                                }
                                open.values()
                                        .removeIf(t -> t.seen[0] != null && t.seen[1] != null && t.seen[2] != null);
                                Thread.sleep(1);
                            } catch (InterruptedException e) {
                                return;
                            } catch (Exception e) {
                                System.err.println("watcher: " + e.getMessage());
                            }
                        }
                    },
                    "hops-watcher");
            watcher.setDaemon(true);
            watcher.start();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Purchases.daemon("hops-tick"));
            ExecutorService senders = Executors.newFixedThreadPool(8, Purchases.daemon("hops-sender"));
            AtomicLong n = new AtomicLong(1_000_000);
            ticker.scheduleAtFixedRate(
                    () -> senders.execute(() -> {
                        Instant sent = Instant.now();
                        String id = purchases.purchase(n.incrementAndGet());
                        Instant answered = Instant.now();
                        if (id != null) {
                            Trace t = new Trace(id);
                            t.sent = sent;
                            t.answered = answered;
                            all.add(t);
                            open.put(id, t);
                        }
                    }),
                    0,
                    Math.round(1_000_000 / rate),
                    TimeUnit.MICROSECONDS);
            Thread.sleep(seconds * 1000L);
            ticker.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            watching.set(false);
            watcher.join(5000);
            Thread.sleep(500);
            probing.set(false);
            prober.join(5000);
            // the outbox rows of the purchases
            Map<String, Trace> byPurchase = new LinkedHashMap<>();
            for (Trace t : all) {
                byPurchase.put(t.purchaseId, t);
            }
            try (PreparedStatement q = customer.prepareStatement("select payload::jsonb ->> 'purchaseId', id::text,"
                    + " created_at, sent_at from rapport_outbox where type = ? and payload::jsonb ->> 'purchaseId' ="
                    + " any(?)")) {
                q.setString(1, CustomerEvents.PURCHASE_RECORDED.name());
                q.setArray(2, customer.createArrayOf("text", byPurchase.keySet().toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Trace t = byPurchase.get(rs.getString(1));
                        t.eventId = rs.getString(2);
                        t.created = instant(rs, 3);
                        t.outboxSent = instant(rs, 4);
                        byEvent.put(t.eventId, t);
                        Instant[] p = probe.get(t.eventId);
                        if (p != null) {
                            t.recordTimestamp = p[0];
                            t.probeArrived = p[1];
                        }
                    }
                }
            }
            boolean commitTimes = commitTimestamps(customer);
            if (commitTimes) {
                try (PreparedStatement q = customer.prepareStatement(
                        "select id::text, pg_xact_commit_timestamp(xmin) from purchase where id::text = any(?)")) {
                    q.setArray(
                            1,
                            customer.createArrayOf("text", byPurchase.keySet().toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            byPurchase.get(rs.getString(1)).committed = instant(rs, 2);
                        }
                    }
                }
            }
            for (int c = 0; c < 3; c++) {
                try (PreparedStatement q = dbs[c].prepareStatement("select event_id, min(processed_at), min("
                        + (commitTimes ? "pg_xact_commit_timestamp(xmin)" : "null::timestamptz")
                        + ") from rapport_inbox where event_id = any(?) and consumer not like '%webhook%'"
                        + " group by event_id")) {
                    q.setArray(1, dbs[c].createArrayOf("text", byEvent.keySet().toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            Trace t = byEvent.get(rs.getString(1));
                            t.processed[c] = instant(rs, 2);
                            t.consumerCommitted[c] = instant(rs, 3);
                        }
                    }
                }
            }
            report(all, rate, seconds);
        }
    }

    /** Whether the server records commit times ({@code track_commit_timestamp}, off by default). */
    private static boolean commitTimestamps(Connection c) throws java.sql.SQLException {
        try (PreparedStatement q = c.prepareStatement("select current_setting('track_commit_timestamp')");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return "on".equals(rs.getString(1));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void probe(String bootstrap, Map<String, Instant[]> probe, AtomicBoolean probing) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "purchase-hops-" + System.nanoTime());
        p.put("auto.offset.reset", "latest");
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            // assigned, not subscribed: no group join, so the probe reads from the first purchase on
            List<org.apache.kafka.common.TopicPartition> partitions =
                    consumer.partitionsFor(CustomerEvents.PURCHASE_RECORDED.topic()).stream()
                            .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (probing.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    Instant now = Instant.now();
                    Header id = r.headers().lastHeader("ce_id");
                    if (id != null) {
                        probe.put(
                                new String(id.value(), StandardCharsets.UTF_8),
                                new Instant[] {Instant.ofEpochMilli(r.timestamp()), now});
                    }
                }
            }
        }
    }

    private interface Span {
        Instant[] of(Trace t);
    }

    private static void report(List<Trace> all, double rate, int seconds) {
        System.out.printf(
                Locale.ROOT,
                "%d purchases at %.0f/s over %d s; milliseconds, median / p90 / p99 (n)%n",
                all.size(),
                rate,
                seconds);
        row(all, "POST sent -> outbox created_at (gateway, customer-service up to its tx start)", t ->
                new Instant[] {t.sent, t.created});
        row(all, "outbox created_at -> POST answered (tx incl. commit, answer)", t ->
                new Instant[] {t.created, t.answered});
        row(all, "outbox created_at -> customer tx commit timestamp", t -> new Instant[] {t.created, t.committed});
        row(all, "customer tx commit timestamp -> POST answered", t -> new Instant[] {t.committed, t.answered});
        row(all, "customer tx commit timestamp -> Kafka record timestamp (fsync, relay wake, select, send)", t ->
                new Instant[] {t.committed, t.recordTimestamp});
        row(all, "outbox created_at -> Kafka record timestamp (commit, relay wake, select, send)", t ->
                new Instant[] {t.created, t.recordTimestamp});
        row(all, "POST answered -> Kafka record timestamp", t -> new Instant[] {t.answered, t.recordTimestamp});
        row(all, "Kafka record timestamp -> outbox sent_at (ack, mark sent)", t ->
                new Instant[] {t.recordTimestamp, t.outboxSent});
        row(all, "Kafka record timestamp -> probe consumer arrival", t ->
                new Instant[] {t.recordTimestamp, t.probeArrived});
        for (int c = 0; c < 3; c++) {
            int cc = c;
            row(all, "Kafka record timestamp -> " + CONSUMERS[c] + " inbox processed_at (tx start)", t ->
                    new Instant[] {t.recordTimestamp, t.processed[cc]});
            row(all, CONSUMERS[c] + " processed_at -> seen by watcher (apply, commit, watch)", t ->
                    new Instant[] {t.processed[cc], t.seen[cc]});
            row(all, CONSUMERS[c] + " processed_at -> commit timestamp (apply)", t ->
                    new Instant[] {t.processed[cc], t.consumerCommitted[cc]});
            row(all, CONSUMERS[c] + " commit timestamp -> seen by watcher (fsync, watch)", t ->
                    new Instant[] {t.consumerCommitted[cc], t.seen[cc]});
        }
        row(all, "POST sent -> last of three seen (the bench's latency)", t -> new Instant[] {t.sent, max(t.seen)});
        row(all, "POST sent -> last of three commit timestamps", t -> new Instant[] {t.sent, max(t.consumerCommitted)});
    }

    private static Instant max(Instant[] s) {
        Instant m = null;
        for (Instant i : s) {
            if (i == null) {
                return null;
            }
            m = m == null || i.isAfter(m) ? i : m;
        }
        return m;
    }

    private static void row(List<Trace> all, String name, Span span) {
        double[] ms = all.stream()
                .map(span::of)
                .filter(a -> a[0] != null && a[1] != null)
                .mapToDouble(a -> Duration.between(a[0], a[1]).toNanos() / 1e6)
                .sorted()
                .toArray();
        if (ms.length == 0) {
            System.out.printf(Locale.ROOT, "  %-95s  (none)%n", name);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "  %-95s %7.1f / %7.1f / %7.1f  (%d)%n",
                name,
                pct(ms, 50),
                pct(ms, 90),
                pct(ms, 99),
                ms.length);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
