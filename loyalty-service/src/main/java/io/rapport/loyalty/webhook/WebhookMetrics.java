package io.rapport.loyalty.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook metrics on the management port (Prometheus names): {@code rapport_webhook_queued_total} deliveries the
 * fan-out queued; {@code rapport_webhook_attempts_total{outcome=success|failure}} HTTP attempts;
 * {@code rapport_webhook_attempt_duration_seconds} their latency; {@code rapport_webhook_failed_total} deliveries
 * given up after the retry window; {@code rapport_webhook_subscriptions_disabled_total}; and the gauge
 * {@code rapport_webhook_pending} (deliveries waiting, as of the dispatcher's last pass).
 */
@ApplicationScoped
public class WebhookMetrics {
    private final Counter queued;
    private final Counter success;
    private final Counter failure;
    private final Counter failed;
    private final Counter disabled;
    private final Timer latency;
    private final AtomicLong pending = new AtomicLong();

    public WebhookMetrics(MeterRegistry registry) {
        queued = Counter.builder("rapport.webhook.queued")
                .description("Deliveries queued by the fan-out")
                .register(registry);
        success = Counter.builder("rapport.webhook.attempts")
                .tag("outcome", "success")
                .register(registry);
        failure = Counter.builder("rapport.webhook.attempts")
                .tag("outcome", "failure")
                .register(registry);
        failed = Counter.builder("rapport.webhook.failed")
                .description("Deliveries given up after the retry window")
                .register(registry);
        disabled = Counter.builder("rapport.webhook.subscriptions.disabled").register(registry);
        latency = Timer.builder("rapport.webhook.attempt.duration").register(registry);
        registry.gauge("rapport.webhook.pending", pending);
    }

    void queued(int n) {
        if (n > 0) {
            queued.increment(n);
        }
    }

    void attempt(boolean ok, long millis) {
        (ok ? success : failure).increment();
        latency.record(Duration.ofMillis(millis));
    }

    void gaveUp(boolean subscriptionDisabled) {
        failed.increment();
        if (subscriptionDisabled) {
            disabled.increment();
        }
    }

    void pending(long n) {
        pending.set(n);
    }
}
