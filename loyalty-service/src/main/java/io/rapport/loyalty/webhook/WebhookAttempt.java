package io.rapport.loyalty.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One HTTP attempt of a delivery: the answer's status (null when none came), latency and error. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms")
    public long latencyMs;

    public String error;
    public boolean manual;
}
