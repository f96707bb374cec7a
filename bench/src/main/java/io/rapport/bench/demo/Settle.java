package io.rapport.bench.demo;

import io.rapport.bench.faults.Stack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the system has settled after the demo's writes: every service's outbox sent (no unsent rows) and every
 * service's consumer group caught up (lag 0), twice in a row, so that what the API reports afterwards includes every
 * consequence of the load (auto-enrolments, tiers, follow-ups). Without access to the stack's databases and broker
 * (a gateway elsewhere), it waits until a count read through the API stays the same for three polls.
 */
final class Settle {
    private static final List<String> DATABASES = List.of("customer", "segmentation", "engagement", "loyalty");

    /** Unsent outbox rows plus consumer lag, or -1 when the stack cannot be inspected. */
    interface Backlog {
        long pending() throws Exception;
    }

    private Settle() {}

    /** The backlog of the stack ./crm up started (RAPPORT_STATE_DIR), or null when there is none on this machine. */
    static Backlog ofLocalStack() {
        try {
            Stack stack = Stack.current();
            return () -> outboxUnsent(stack) + consumerLag(stack.kafkaBootstrap());
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Waits up to {@code timeout}; prints progress. With a backlog: until it is 0 twice in a row (2 s apart). Otherwise
     * until {@code count} gives the same figure three times in a row (5 s apart).
     *
     * @return true when settled
     */
    static boolean await(String what, Backlog backlog, LongSupplier count, Duration timeout)
            throws InterruptedException {
        return await(what, backlog, count, timeout, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static boolean await(
            String what,
            Backlog backlog,
            LongSupplier count,
            Duration timeout,
            Duration backlogPause,
            Duration countPause)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int quiet = 0;
        long last = Long.MIN_VALUE;
        while (System.nanoTime() < deadline) {
            long pending;
            try {
                pending = backlog == null ? -1 : backlog.pending();
            } catch (Exception e) {
                pending = -1;
            }
            if (pending >= 0) {
                quiet = pending == 0 ? quiet + 1 : 0;
                if (quiet >= 2) {
                    System.out.printf(
                            "  settled (%s): outboxes sent and consumers caught up after %.0f s%n",
                            what, (System.nanoTime() - started) / 1e9);
                    return true;
                }
                if (pending > 0) {
                    System.out.printf(
                            "  waiting for the system to settle (%s): %d events not yet applied%n", what, pending);
                }
                Thread.sleep(backlogPause.toMillis());
            } else {
                long now = count.getAsLong();
                quiet = now == last ? quiet + 1 : 0;
                last = now;
                if (quiet >= 2) {
                    System.out.printf(
                            "  settled (%s): counts stable after %.0f s%n", what, (System.nanoTime() - started) / 1e9);
                    return true;
                }
                Thread.sleep(countPause.toMillis());
            }
        }
        System.out.printf(
                "  NOT settled after %d s (%s): the figures below may still change%n", timeout.toSeconds(), what);
        return false;
    }

    static long outboxUnsent(Stack stack) throws Exception {
        long unsent = 0;
        for (String db : DATABASES) {
            try (Connection c = stack.database(db);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from rapport_outbox where sent_at is null")) {
                rs.next();
                unsent += rs.getLong(1);
            }
        }
        return unsent;
    }

    /** Records on the services' topics their consumer groups (…-service) have not committed yet. */
    static long consumerLag(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", "10000"))) {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                if (!group.groupId().endsWith("-service")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        lag += Math.max(
                                0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
            }
            return lag;
        }
    }
}
