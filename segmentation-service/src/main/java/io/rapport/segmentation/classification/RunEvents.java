package io.rapport.segmentation.classification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.contracts.segmentation.RunCompleted;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.config.SegmentationConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A run's events. The run commits its classes, its history rows and, when classes changed, a job (run_event_job) in one
 * transaction; the job's SegmentChanged outbox rows are written afterwards from the run's history rows, a chunk per
 * transaction that also moves the job's cursor (Outbox#publishSelect, set-based), so none is lost or written twice
 * whatever stops in between. After the
 * last chunk the job goes and RunCompleted is written, so it follows the run's changes in the outbox. A run without
 * changes writes RunCompleted in its own transaction. Jobs are drained right after a run, every 10 seconds (what a
 * stopped process or another replica left; {@code for update skip locked} keeps two drainers off one job) and on demand.
 */
@ApplicationScoped
public class RunEvents {
    private static final Logger LOG = Logger.getLogger(RunEvents.class);

    private final Db db;
    private final RunStore runs;
    private final Outbox outbox;
    private final SegmentationConfig config;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "segmentation-run-events");
        t.setDaemon(true);
        return t;
    });

    public RunEvents(Db db, RunStore runs, Outbox outbox, SegmentationConfig config) {
        this.db = db;
        this.runs = runs;
        this.outbox = outbox;
        this.config = config;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** In the run's transaction: its changes' events are to be written (history rows of the run with ids in first..last). */
    @Transactional(Transactional.TxType.MANDATORY)
    void queue(RunSummary run, String metric, List<ClassStat> classes, long firstChange, long lastChange) {
        db.update(
                "insert into run_event_job (run_id, scheme, policy_version, metric, occurred_at, labels, levels, next_change,"
                        + " last_change) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.runId(),
                run.scheme(),
                run.policyVersion(),
                metric,
                run.startedAt(),
                classes.stream().map(ClassStat::label).toArray(String[]::new),
                classes.stream().map(ClassStat::recommendedLevel).toArray(String[]::new),
                firstChange,
                lastChange);
    }

    /** In the caller's transaction: the run's RunCompleted outbox row. */
    @Transactional(Transactional.TxType.MANDATORY)
    void completed(RunSummary run) {
        outbox.publish(
                SegmentationEvents.RUN_COMPLETED,
                run.runId(),
                new RunCompleted(
                        run.runId().toString(),
                        run.scheme(),
                        run.policyVersion(),
                        run.customers(),
                        run.counts(),
                        run.concentration() == null ? null : run.concentration().toPlainString(),
                        run.startedAt(),
                        run.completedAt()));
    }

    /** Drains the jobs on the worker thread soon (once, however often it is asked before the drain starts). */
    public void drainSoon() {
        if (drainQueued.compareAndSet(false, true)) {
            worker.submit(() -> {
                drainQueued.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "writing run events failed; the next drain goes on from the last chunk written");
                }
            });
        }
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        drain();
    }

    /** Writes the events of every job no other drainer holds, chunk by chunk. @return the events written */
    public long drain() {
        return drain(Math.max(1, config.runEventsChunk()));
    }

    /** {@link #drain()} with chunks of {@code size} events. */
    long drain(int size) {
        long written = 0;
        for (long chunk; (chunk = QuarkusTransaction.requiringNew().timeout(600).call(() -> step(size))) >= 0; ) {
            written += chunk;
        }
        return written;
    }

    /** Jobs still to write (runs whose events are not all in the outbox yet). */
    public long pending() {
        return db.count("select count(*) from run_event_job");
    }

    private record Job(
            UUID runId,
            String scheme,
            long policyVersion,
            String metric,
            Instant occurredAt,
            String[] labels,
            String[] levels,
            long next,
            long last) {
        static Job of(ResultSet rs) throws SQLException {
            return new Job(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    Db.instant(rs, "occurred_at"),
                    (String[]) rs.getArray(6).getArray(),
                    (String[]) rs.getArray(7).getArray(),
                    rs.getLong(8),
                    rs.getLong(9));
        }
    }

    /** One chunk of the oldest free job, in the caller's new transaction. @return its events, -1 when no job is free */
    private long step(int size) {
        Optional<Job> free = db.one(
                "select run_id, scheme, policy_version, metric, occurred_at, labels, levels, next_change,"
                        + " last_change from run_event_job order by created_at, run_id limit 1 for update skip locked",
                Job::of);
        if (free.isEmpty()) {
            return -1;
        }
        Job job = free.get();
        db.allowJobTime(); // a chunk of run-events.chunk events from one statement
        long[] chunk = db.one(
                        ClassificationSql.EVENT_CHUNK,
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        job.runId(),
                        job.next(),
                        job.last(),
                        size)
                .orElseThrow();
        db.withConnection(connection -> outbox.publishSelect(
                connection,
                SegmentationEvents.SEGMENT_CHANGED,
                ClassificationSql.EVENT_ROWS,
                job.runId(),
                job.next(),
                job.last(),
                size,
                job.scheme(),
                job.policyVersion(),
                job.runId().toString(),
                job.occurredAt().toString(),
                job.metric(),
                job.labels(),
                job.levels()));
        if (chunk[1] < size) {
            db.update("delete from run_event_job where run_id = ?", job.runId());
            completed(runs.get(job.runId()));
            LOG.infof("events of run %s of %s written", job.runId(), job.scheme());
        } else {
            db.update("update run_event_job set next_change = ? where run_id = ?", chunk[0] + 1, job.runId());
        }
        return chunk[1];
    }
}
