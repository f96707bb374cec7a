package io.rapport.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The broker's state, reported apart from readiness: the health group {@code kafka} ({@code /q/health/group/kafka})
 * and the gauge {@code rapport_kafka_up} (1 when the cluster answered the last probe). A background probe asks the
 * cluster for its nodes every {@code rapport.health.kafka-interval}, giving up after
 * {@code rapport.health.kafka-timeout}; the health check and the gauge only read its cached answer, so they never wait
 * for the broker.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaStatus implements HealthCheck {
    private final Map<String, Object> settings;
    private final Duration timeout;
    private final AtomicInteger up = new AtomicInteger();
    private volatile String detail = "not probed yet";
    private volatile Instant probedAt;
    private Admin admin;
    private final Clock clock;

    public KafkaStatus(
            @Identifier("default-kafka-broker") Instance<Map<String, Object>> kafkaConfig,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "rapport.health.kafka-timeout", defaultValue = "PT2S") Duration timeout,
            MeterRegistry registry,
            Clock clock) {
        this.clock = clock;
        Map<String, Object> s = new HashMap<>();
        if (kafkaConfig.isResolvable()) {
            kafkaConfig.get().forEach((k, v) -> {
                if (AdminClientConfig.configNames().contains(k)) {
                    s.put(k, v);
                }
            });
        }
        s.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        s.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        s.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        s.put(AdminClientConfig.CLIENT_ID_CONFIG, "rapport-kafka-health");
        this.settings = s;
        this.timeout = timeout;
        Gauge.builder("rapport.kafka.up", up, AtomicInteger::get)
                .description("1 when the Kafka cluster answered the last probe, 0 otherwise")
                .register(registry);
    }

    @Scheduled(every = "${rapport.health.kafka-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes()
                    .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
                    .size();
            up.set(nodes > 0 ? 1 : 0);
            detail = nodes + " broker(s)";
        } catch (Exception e) {
            up.set(0);
            detail = e.getCause() != null ? e.getCause().toString() : e.toString();
        } finally {
            probedAt = clock.instant();
        }
    }

    public boolean isUp() {
        return up.get() == 1;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka")
                .status(isUp())
                .withData("detail", detail)
                .withData("probedAt", String.valueOf(probedAt))
                .build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(settings);
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
