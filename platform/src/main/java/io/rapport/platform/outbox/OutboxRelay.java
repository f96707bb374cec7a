package io.rapport.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.contracts.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Publishes unsent outbox rows to Kafka, oldest first, and marks them sent. Plain JDBC and a Kafka
 * producer, no container: the Quarkus scheduler drives it in a service, a test can drive it in a child JVM.
 *
 * <p>Only one relay of a database publishes at a time (a session-level advisory lock held for the batch), so rows
 * leave in {@code seq} order even with several replicas. Each row is marked sent (committed) as soon as Kafka
 * acknowledges it, in small groups while the rest of the batch is still in flight: a relay that stops mid-batch (crash,
 * acknowledgement timeout, a refused record) re-sends only the rows Kafka did not acknowledge. Waiting out a slow or
 * frozen broker is left to the idempotent producer's own retries ({@code delivery.timeout.ms}), which the broker
 * deduplicates; only a row whose delivery finally failed is sent again. Delivery is at least once, and consumers drop
 * the rare duplicates by {@code ce_id}.
 *
 * <p>A relay made with {@link #holding} (the service's worker) keeps its connection and the advisory lock from one
 * batch to the next instead of taking a pooled connection, the lock and releasing both for every batch (three
 * statements and a pool round trip saved per batch, which at one batch per committed write was most of the relay's
 * cost). It lets go of both when a batch fails (a broken connection, a refused record) and on {@link #close()}; another
 * replica's relay takes over once the holder's session ends.
 */
public final class OutboxRelay implements AutoCloseable {
    /** The CloudEvents {@code sequence} attribute: the decimal number zero-padded to 19 digits (orders as text too). */
    public static String sequence(long n) {
        return String.format("%019d", n);
    }

    /** Advisory lock key of the relay ("rapport-outbox"); each service owns its database. */
    static final long LOCK_KEY = 0x5241505054L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEQUENCE_HEADER = CloudEvents.SEQUENCE;

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int batchSize;
    private final Duration ackTimeout;
    private final boolean hold;
    /** With {@link #hold}: the connection holding the advisory lock between batches, or null. */
    private Connection held;

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize) {
        this(dataSource, producer, batchSize, RelayProducers.DELIVERY_TIMEOUT.plusSeconds(10));
    }

    /** @param ackTimeout how long to wait for the acknowledgements of a batch (longer than the producer's delivery timeout) */
    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize, Duration ackTimeout) {
        this(dataSource, producer, batchSize, ackTimeout, false);
    }

    private OutboxRelay(
            DataSource dataSource,
            Producer<String, byte[]> producer,
            int batchSize,
            Duration ackTimeout,
            boolean hold) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
        this.hold = hold;
    }

    /** A relay that keeps its connection and the advisory lock between batches until a batch fails or it is closed. */
    public static OutboxRelay holding(DataSource dataSource, Producer<String, byte[]> producer, int batchSize) {
        return new OutboxRelay(dataSource, producer, batchSize, RelayProducers.DELIVERY_TIMEOUT.plusSeconds(10), true);
    }

    /**
     * Publishes one batch.
     *
     * @return rows published and marked sent; 0 when there was nothing to do or another replica holds the lock
     * @throws OutboxPublishException when Kafka did not acknowledge a row; the acknowledged ones are marked sent, the
     *         others stay unsent
     */
    public int publishBatch() throws SQLException {
        if (hold) {
            return publishHolding();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!tryLock(c)) {
                return 0;
            }
            try {
                return publish(c);
            } finally {
                unlock(c);
            }
        }
    }

    private synchronized int publishHolding() throws SQLException {
        if (held == null) {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(true);
                if (!tryLock(c)) {
                    c.close();
                    return 0;
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            held = c;
        }
        try {
            return publish(held);
        } catch (SQLException | RuntimeException e) {
            release(); // a broken connection or a failed row: start over with a fresh connection (and lock) next time
            throw e;
        }
    }

    /** Lets go of the held connection and lock (a relay made with {@link #holding}); the relay may be used again. */
    @Override
    public synchronized void close() {
        release();
    }

    private void release() {
        if (held == null) {
            return;
        }
        try {
            unlock(held);
        } catch (SQLException ignored) {
            // a broken connection: the session's end releases the lock
        }
        try {
            held.close();
        } catch (SQLException ignored) {
            // already broken
        }
        held = null;
    }

    private int publish(Connection c) throws SQLException {
        List<Row> rows = unsent(c);
        if (rows.isEmpty()) {
            return 0;
        }
        BlockingQueue<Ack> acks = new LinkedBlockingQueue<>();
        int inFlight = 0;
        Ack refused = null;
        for (Row row : rows) {
            try {
                producer.send(row.toRecord(), (metadata, error) -> acks.add(new Ack(row.id(), error)));
                inFlight++;
            } catch (RuntimeException e) {
                refused = new Ack(row.id(), e);
                break; // keep order: send nothing after a refused record
            }
        }
        int sent = 0;
        Ack failed = refused;
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<Ack> arrived = new ArrayList<>();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            Ack first = left <= 0 ? null : poll(acks, left);
            if (first == null) {
                if (failed == null) {
                    failed = new Ack(
                            null,
                            new java.util.concurrent.TimeoutException(
                                    inFlight + " rows not acknowledged within " + ackTimeout));
                }
                break;
            }
            arrived.clear();
            arrived.add(first);
            acks.drainTo(arrived);
            inFlight -= arrived.size();
            List<UUID> ok = new ArrayList<>(arrived.size());
            for (Ack ack : arrived) {
                if (ack.error() == null) {
                    ok.add(ack.id());
                } else {
                    recordFailure(c, ack.id(), ack.error());
                    if (failed == null) {
                        failed = ack;
                    }
                }
            }
            markSent(c, ok);
            sent += ok.size();
        }
        if (failed != null) {
            if (failed.id() != null && failed == refused) {
                recordFailure(c, failed.id(), failed.error());
            }
            throw new OutboxPublishException(
                    "Kafka did not acknowledge outbox row " + (failed.id() == null ? "(timeout)" : failed.id()) + "; "
                            + sent + " of the batch were",
                    failed.error());
        }
        return sent;
    }

    private static Ack poll(BlockingQueue<Ack> acks, long nanos) {
        try {
            return acks.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private record Ack(UUID id, Exception error) {}

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK_KEY);
            ps.execute();
        }
    }

    private List<Row> unsent(Connection c) throws SQLException {
        String sql =
                "select id, topic, type, source, subject, payload, created_at, traceparent, sequence, headers from rapport_outbox"
                        + " where sent_at is null order by seq limit ?";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant(),
                            rs.getString(8),
                            (Long) rs.getObject(9),
                            rs.getString(10)));
                }
            }
        }
        return rows;
    }

    /**
     * Marks acknowledged rows sent. The mark's commit does not wait for the WAL flush ({@code synchronous_commit=off}
     * for this one autocommit statement only: {@code set_config(..., true)} ends with its transaction, so nothing leaks
     * into the session or the pool). Losing the mark is harmless: only a PostgreSQL crash within the WAL writer's delay
     * (a few hundred ms) loses it, and then the row is sent again, which is the relay's at-least-once delivery anyway
     * (consumers drop the duplicate by {@code ce_id}). Waiting for the flush cost every batch an fsync (2-3 ms on the
     * dev machine's disk) that also queued behind and delayed the consumers' commits of the same events.
     */
    private static void markSent(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update rapport_outbox set sent_at = now(), attempts = attempts + 1, last_error = null"
                        + " from (select set_config('synchronous_commit', 'off', true)) as async_commit"
                        + " where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static void recordFailure(Connection c, UUID id, Exception e) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("update rapport_outbox set attempts = attempts + 1, last_error = ? where id = ?")) {
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

    public record Backlog(long rows, long oldestAgeMillis) {}

    private record Row(
            UUID id,
            String topic,
            String type,
            String source,
            String subject,
            String payload,
            Instant createdAt,
            String traceparent,
            Long sequence,
            String copiedHeaders) {

        ProducerRecord<String, byte[]> toRecord() {
            if (copiedHeaders != null) {
                return copy();
            }
            RecordHeaders h = new RecordHeaders();
            h.add(CloudEvents.SPECVERSION, bytes(CloudEvents.SPEC_VERSION));
            h.add(CloudEvents.ID, bytes(id.toString()));
            h.add(CloudEvents.TYPE, bytes(type));
            h.add(CloudEvents.SOURCE, bytes(source));
            h.add(CloudEvents.SUBJECT, bytes(subject));
            h.add(CloudEvents.TIME, bytes(createdAt.toString()));
            h.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.JSON));
            if (sequence != null) {
                h.add(SEQUENCE_HEADER, bytes(OutboxRelay.sequence(sequence)));
            }
            if (traceparent != null) {
                h.add("traceparent", bytes(traceparent));
            }
            return new ProducerRecord<>(topic, null, subject, payload.getBytes(StandardCharsets.UTF_8), h);
        }

        /** A verbatim copy of a consumed record: its own headers, key and value. */
        private ProducerRecord<String, byte[]> copy() {
            RecordHeaders h = new RecordHeaders();
            try {
                for (JsonNode pair : JSON.readTree(copiedHeaders)) {
                    JsonNode value = pair.get(1);
                    h.add(pair.get(0).asText(), value == null || value.isNull() ? null : bytes(value.asText()));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("outbox row " + id + " has unreadable headers", e);
            }
            return new ProducerRecord<>(
                    topic, null, subject.isEmpty() ? null : subject, payload.getBytes(StandardCharsets.UTF_8), h);
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
