package io.rapport.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.rapport.platform.config.OutboxConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drives the {@link OutboxRelay} in a service: drains the outbox every poll, backs off exponentially
 * while Kafka is unreachable, prunes sent rows, and exposes {@code rapport_outbox_backlog} (unsent rows)
 * and {@code rapport_outbox_lag_seconds} (age of the oldest unsent row) as metrics.
 */
@ApplicationScoped
public class OutboxRelayScheduler {
    private static final Logger LOG = Logger.getLogger(OutboxRelayScheduler.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final String clientId;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private volatile OutboxRelay relay;
    private volatile Producer<String, byte[]> producer;
    private Duration backoff = Duration.ZERO;
    private Instant pausedUntil = Instant.MIN;

    public OutboxRelayScheduler(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String app) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.clientId = app + "-outbox-relay";
        Gauge.builder("rapport.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka").register(registry);
        Gauge.builder("rapport.outbox.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unpublished outbox row").register(registry);
    }

    @Scheduled(every = "${rapport.outbox.poll-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    void drain() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            OutboxRelay r = relay();
            int sent;
            do {
                sent = r.publishBatch();
            } while (sent >= config.batchSize());
            backoff = Duration.ZERO;
        } catch (Exception e) {
            backoff = backoff.isZero() ? MIN_BACKOFF : min(backoff.multipliedBy(2), config.maxBackoff());
            pausedUntil = Instant.now().plus(backoff);
            LOG.warnf("Outbox relay could not publish (retrying in %d ms): %s", backoff.toMillis(), e.getMessage());
        }
    }

    @Scheduled(every = "${rapport.outbox.metrics-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshMetrics() {
        try {
            OutboxRelay.Backlog b = relay().backlog();
            backlog.set(b.rows());
            lagMillis.set(b.oldestAgeMillis());
        } catch (Exception e) {
            LOG.debugf("outbox metrics unavailable: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${rapport.outbox.prune-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try {
            int pruned = relay().pruneSentBefore(Instant.now().minus(config.retention()));
            if (pruned > 0) {
                LOG.debugf("pruned %d sent outbox rows", pruned);
            }
        } catch (Exception e) {
            LOG.warnf("outbox pruning failed: %s", e.getMessage());
        }
    }

    private OutboxRelay relay() {
        if (relay == null) {
            synchronized (this) {
                if (relay == null) {
                    producer = RelayProducers.create(bootstrapServers, clientId);
                    relay = new OutboxRelay(dataSource, producer, config.batchSize());
                }
            }
        }
        return relay;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Skips the relay on replicas configured with {@code rapport.outbox.relay-enabled=false}. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        private final OutboxConfig config;

        public RelayDisabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}
