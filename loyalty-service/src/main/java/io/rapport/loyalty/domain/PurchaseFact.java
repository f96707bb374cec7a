package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A purchase as loyalty keeps it: enough to reverse points on refunds and to count earlier purchases. */
@Entity
@Table(name = "purchase_fact")
public class PurchaseFact extends PanacheEntityBase {
    @Id
    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String currency;
    public BigDecimal total;
    public BigDecimal refunded;
}
