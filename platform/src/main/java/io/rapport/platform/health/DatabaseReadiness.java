package io.rapport.platform.health;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is what the service needs to answer requests: its database. The check borrows a connection and
 * validates it on its own thread and gives up after {@code rapport.health.database-timeout} (DOWN), so
 * {@code /q/health/ready} answers within a second even when PostgreSQL hangs; a check still running from a previous
 * probe is not started twice. Kafka is not part of readiness (HTTP writes go to the outbox): see {@link KafkaStatus}.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private final AgroalDataSource dataSource;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-readiness");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Boolean> running;

    public DatabaseReadiness(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "rapport.health.database-timeout", defaultValue = "PT0.8S") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        CompletableFuture<Boolean> check = check();
        try {
            boolean valid = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("database").status(valid).build();
        } catch (TimeoutException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("error", "no answer within " + timeout)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("database").down().build();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("error", String.valueOf(cause.getMessage()))
                    .build();
        }
    }

    private synchronized CompletableFuture<Boolean> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(
                    () -> {
                        try (Connection c = dataSource.getConnection()) {
                            return c.isValid((int) Math.max(1, timeout.toSeconds()));
                        } catch (Exception e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    },
                    executor);
        }
        return running;
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
