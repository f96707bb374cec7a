package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Money given back for part or all of a purchase, in the purchase currency. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public BigDecimal amount;

    @Column(name = "cost_of_goods")
    public BigDecimal costOfGoods;

    @Column(name = "whole_order")
    public boolean wholeOrder;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
