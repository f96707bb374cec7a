package io.rapport.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.rapport.platform.config.InboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The waiting side of transient retries shared by every consumer of a service: the capped, jittered pause between
 * attempts ({@code rapport.inbox.retry-backoff} doubling up to {@code rapport.inbox.max-backoff}), the gauge
 * {@code rapport_consumer_retrying{consumer}} (1 while that consumer waits for a transient failure to pass), and a
 * clean stop: on shutdown every pause ends at once with {@link ConsumerStoppedException}.
 */
@ApplicationScoped
public class ConsumerRetries {
    private static final Logger LOG = Logger.getLogger(ConsumerRetries.class);

    private final MeterRegistry registry;
    private final Backoff backoff;
    private final ConcurrentMap<String, AtomicInteger> retrying = new ConcurrentHashMap<>();
    private final Object stop = new Object();
    private volatile boolean stopping;

    public ConsumerRetries(MeterRegistry registry, InboxConfig config) {
        this.registry = registry;
        this.backoff = new Backoff(config.retryBackoff(), config.maxBackoff());
    }

    /**
     * Logs the failure, marks {@code consumer} as retrying and waits before attempt {@code attempt + 1}.
     *
     * @throws ConsumerStoppedException when the service shuts down meanwhile
     */
    public void pause(String consumer, int attempt, String what, RuntimeException failure) {
        gauge(consumer).set(1);
        long millis = backoff.pauseMillis(attempt);
        if (attempt == 1 || Integer.bitCount(attempt) == 1) { // 1, 2, 4, 8, ...: a long outage does not flood the log
            LOG.warnf(
                    "consumer %s: %s failed (attempt %d), transient, retrying in %d ms: %s",
                    consumer, what, attempt, millis, failure.toString());
        }
        synchronized (stop) {
            long until = System.currentTimeMillis() + millis;
            for (long left = millis; left > 0 && !stopping; left = until - System.currentTimeMillis()) {
                try {
                    stop.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConsumerStoppedException(consumer);
                }
            }
        }
        if (stopping) {
            throw new ConsumerStoppedException(consumer);
        }
    }

    /** The consumer applied or dead-lettered its record: it no longer retries (the gauge exists from then on, at 0). */
    public void recovered(String consumer) {
        if (gauge(consumer).getAndSet(0) != 0) {
            LOG.infof("consumer %s recovered", consumer);
        }
    }

    public boolean isRetrying(String consumer) {
        AtomicInteger g = retrying.get(consumer);
        return g != null && g.get() != 0;
    }

    private AtomicInteger gauge(String consumer) {
        return retrying.computeIfAbsent(consumer, c -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("rapport.consumer.retrying", value, AtomicInteger::get)
                    .tag("consumer", c)
                    .description("1 while the consumer retries a transient failure (it does not advance meanwhile)")
                    .register(registry);
            return value;
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (stop) {
            stopping = true;
            stop.notifyAll();
        }
    }
}
