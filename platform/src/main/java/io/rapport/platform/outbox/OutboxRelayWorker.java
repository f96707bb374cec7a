package io.rapport.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rapport.platform.config.OutboxConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drives the {@link OutboxRelay} in a service from one background thread: it drains the outbox as soon
 * as a transaction that wrote to it commits ({@link #wakeUp()}), and every {@code rapport.outbox.poll-interval}
 * otherwise (rows written by other replicas, retries). While Kafka is unreachable it backs off exponentially
 * up to {@code rapport.outbox.max-backoff}. Exposes {@code rapport_outbox_backlog} (unsent rows) and
 * {@code rapport_outbox_lag_seconds} (age of the oldest unsent row), and prunes sent rows.
 */
@ApplicationScoped
public class OutboxRelayWorker {
    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaSettings;
    private final String clientId;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private volatile OutboxRelay relay;
    private final Clock clock;
    private volatile Producer<String, byte[]> producer;

    public OutboxRelayWorker(
            AgroalDataSource dataSource,
            OutboxConfig config,
            MeterRegistry registry,
            @Identifier("default-kafka-broker") Instance<Map<String, Object>> kafkaConfig,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String app,
            Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.config = config;
        // the application's kafka.* settings (TLS, SASL) so the relay reaches the same brokers as the channels
        Map<String, Object> settings = new HashMap<>();
        if (kafkaConfig.isResolvable()) {
            settings.putAll(kafkaConfig.get());
        }
        settings.put("bootstrap.servers", bootstrapServers);
        this.kafkaSettings = settings;
        this.clientId = app + "-outbox-relay";
        Gauge.builder("rapport.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka")
                .register(registry);
        Gauge.builder("rapport.outbox.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unpublished outbox row")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this replica (rapport.outbox.relay-enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the relay to drain now; called after a transaction that wrote outbox rows commits. */
    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            Duration pause = config.pollInterval();
            try {
                drain();
                backoff = Duration.ZERO;
            } catch (Exception e) {
                backoff = backoff.isZero() ? MIN_BACKOFF : min(backoff.multipliedBy(2), config.maxBackoff());
                pause = backoff;
                LOG.warnf("outbox relay could not publish, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
            }
            await(pause);
        }
    }

    private void drain() throws java.sql.SQLException {
        OutboxRelay r = relay();
        int sent;
        do {
            sent = r.publishBatch();
        } while (running && sent >= config.batchSize());
    }

    private void await(Duration pause) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(Math.max(1, pause.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    @Scheduled(
            every = "${rapport.outbox.metrics-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
            int pruned = relay().pruneSentBefore(clock.instant().minus(config.retention()));
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
                    producer = RelayProducers.create(kafkaSettings, clientId);
                    relay = OutboxRelay.holding(dataSource, producer, config.batchSize());
                }
            }
        }
        return relay;
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp();
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        if (relay != null) {
            relay.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
