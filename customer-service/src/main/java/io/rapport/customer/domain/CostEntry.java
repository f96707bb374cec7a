package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A cost-to-serve item in {@code currency}; amounts are positive. */
@Entity
@Table(name = "cost_entry")
public class CostEntry extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public CostType type;

    public BigDecimal amount;
    public String currency;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String note;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
