package io.rapport.platform.outbox;

import io.rapport.contracts.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Publishes unsent outbox rows to Kafka, oldest first, and marks them sent. Plain JDBC and a Kafka
 * producer, no container: the Quarkus scheduler drives it in a service, a test can drive it in a child JVM.
 *
 * <p>Only one relay of a database publishes at a time (a transaction-scoped advisory lock), so rows
 * leave in {@code seq} order even with several replicas. A crash after sending but before the commit
 * republishes the batch: delivery is at least once, and consumers drop the duplicates by {@code ce_id}.
 */
public final class OutboxRelay {
    /** Advisory lock key of the relay ("rapport-outbox"); each service owns its database. */
    static final long LOCK_KEY = 0x5241505054L;

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int batchSize;

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
    }

    /**
     * Publishes one batch.
     *
     * @return rows published and marked sent; 0 when there was nothing to do or another replica holds the lock
     * @throws OutboxPublishException when Kafka did not acknowledge; the unacknowledged rows stay unsent
     */
    public int publishBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = publishBatch(c);
                c.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws SQLException {
        if (!tryLock(c)) {
            return 0;
        }
        List<Row> rows = unsent(c);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                acks.add(producer.send(row.toRecord()));
            } catch (RuntimeException e) {
                acks.add(java.util.concurrent.CompletableFuture.failedFuture(e));
                break; // keep order: send nothing after a refused record
            }
        }
        producer.flush();
        List<UUID> acknowledged = new ArrayList<>(rows.size());
        RuntimeException failure = null;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(rows.get(i).id());
            } catch (Exception e) {
                // keep order: nothing after the first failure counts as sent
                failure = new OutboxPublishException("Kafka did not acknowledge outbox row " + rows.get(i).id(), e);
                recordFailure(c, rows.get(i).id(), e);
                break;
            }
        }
        markSent(c, acknowledged);
        if (failure != null) {
            c.commit();
            throw failure;
        }
        return acknowledged.size();
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<Row> unsent(Connection c) throws SQLException {
        String sql = "select id, topic, type, source, subject, payload, created_at, traceparent from rapport_outbox"
                + " where sent_at is null order by seq limit ?";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
                }
            }
        }
        return rows;
    }

    private static void markSent(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update rapport_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static void recordFailure(Connection c, UUID id, Exception e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update rapport_outbox set attempts = attempts + 1, last_error = ? where id = ?")) {
            String message = e.getCause() != null ? e.getCause().toString() : e.toString();
            ps.setString(1, message.length() > 1000 ? message.substring(0, 1000) : message);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    /** Deletes rows sent before {@code cutoff}; returns how many. */
    public int pruneSentBefore(Instant cutoff) throws SQLException {
        // in slices, so that pruning the million events of a classification run stays within the statement timeout
        int pruned = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from rapport_outbox where seq in (select seq from"
                        + " rapport_outbox where sent_at < ? limit " + PRUNE_SLICE + ")")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            for (int n; (n = ps.executeUpdate()) > 0; ) {
                pruned += n;
            }
        }
        return pruned;
    }

    /** Sent rows deleted per statement when pruning. */
    static final int PRUNE_SLICE = 10_000;

    /** Unsent rows and the age in milliseconds of the oldest one (0 when none). */
    public Backlog backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*), coalesce(extract(epoch from now() - min(created_at)) * 1000, 0)"
                                + " from rapport_outbox where sent_at is null");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Backlog(rs.getLong(1), rs.getLong(2));
        }
    }

    public record Backlog(long rows, long oldestAgeMillis) {
    }

    private record Row(UUID id, String topic, String type, String source, String subject, String payload,
            Instant createdAt, String traceparent) {

        ProducerRecord<String, byte[]> toRecord() {
            RecordHeaders h = new RecordHeaders();
            h.add(CloudEvents.SPECVERSION, bytes(CloudEvents.SPEC_VERSION));
            h.add(CloudEvents.ID, bytes(id.toString()));
            h.add(CloudEvents.TYPE, bytes(type));
            h.add(CloudEvents.SOURCE, bytes(source));
            h.add(CloudEvents.SUBJECT, bytes(subject));
            h.add(CloudEvents.TIME, bytes(createdAt.toString()));
            h.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.JSON));
            if (traceparent != null) {
                h.add("traceparent", bytes(traceparent));
            }
            return new ProducerRecord<>(topic, null, subject, payload.getBytes(StandardCharsets.UTF_8), h);
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
