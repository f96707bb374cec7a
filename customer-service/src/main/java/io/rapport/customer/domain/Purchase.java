package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A purchase; (sourceSystem, orderId) identifies it, so a re-posted order is found, not stored twice.
 * {@code total} = sum of quantity x unit price; {@code costOfGoods} = sum of quantity x unit cost.
 */
@Entity
@Table(name = "purchase")
public class Purchase extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "source_system")
    public String sourceSystem;

    @Column(name = "order_id")
    public String orderId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String currency;
    public BigDecimal total;

    @Column(name = "cost_of_goods")
    public BigDecimal costOfGoods;

    public String channel;
    public String store;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static Optional<Purchase> byOrder(String sourceSystem, String orderId) {
        return find("sourceSystem = ?1 and orderId = ?2", sourceSystem, orderId).firstResultOptional();
    }

    public List<PurchaseLine> lines() {
        return PurchaseLine.list("purchaseId = ?1 order by lineNo", id);
    }
}
