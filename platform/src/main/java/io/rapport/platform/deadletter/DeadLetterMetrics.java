package io.rapport.platform.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** {@code rapport_dlq_records{consumer,status}}: the service's dead letters, refreshed from the table. */
@ApplicationScoped
public class DeadLetterMetrics {
    private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);

    private final DeadLetterStore store;
    private final MultiGauge gauge;

    public DeadLetterMetrics(DeadLetterStore store, MeterRegistry registry) {
        this.store = store;
        this.gauge = MultiGauge.builder("rapport.dlq.records")
                .description("Dead letters by consumer and status")
                .register(registry);
    }

    @Scheduled(
            every = "${rapport.inbox.metrics-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Object[] r : store.countsByConsumerAndStatus()) {
                rows.add(MultiGauge.Row.of(
                        Tags.of("consumer", (String) r[0], "status", (String) r[1]), ((Number) r[2]).doubleValue()));
            }
            gauge.register(rows, true);
        } catch (RuntimeException e) {
            LOG.debugf("dead-letter metrics unavailable: %s", e.getMessage());
        }
    }
}
