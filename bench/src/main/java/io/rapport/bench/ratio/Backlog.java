package io.rapport.bench.ratio;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The services' consumer lag on the stack's broker: what every consumer group still has to read. The benchmark waits
 * for it to reach zero between paths, so that one path's figures do not carry the CPU of the consumers still digesting
 * the previous path's events (a create run leaves thousands of CustomerRegistered events to three services); how long
 * that takes is a figure of its own.
 */
final class Backlog implements AutoCloseable {
    private final Admin admin;

    Backlog(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        admin = Admin.create(p);
    }

    /** Records not yet consumed, summed over every live consumer group and the partitions it has committed. */
    long lag() throws Exception {
        long lag = 0;
        java.util.List<String> groups = new java.util.ArrayList<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            groups.add(group.groupId());
        }
        java.util.List<String> live = new java.util.ArrayList<>();
        admin.describeConsumerGroups(groups).all().get().forEach((id, d) -> {
            if (!d.members().isEmpty()) { // a group of a running service, not one left by an earlier run
                live.add(id);
            }
        });
        for (String group : live) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            if (latest.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                if (e.getValue() != null && ends.containsKey(e.getKey())) {
                    lag += Math.max(
                            0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
        }
        return lag;
    }

    /**
     * Waits until no consumer group lags (or the timeout passes).
     *
     * @return {seconds waited, lag when it started, lag when it ended}
     */
    double[] drain(Duration timeout) throws Exception {
        long start = System.nanoTime();
        long first = lag();
        long now = first;
        while (now > 0 && System.nanoTime() - start < timeout.toNanos()) {
            Thread.sleep(200);
            now = lag();
        }
        return new double[] {(System.nanoTime() - start) / 1e9, first, now};
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
