package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** The refunded quantity and money of one purchase line within a refund. */
@Entity
@Table(name = "refund_line")
public class RefundLine extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "refund_id")
    public UUID refundId;

    @Column(name = "line_id")
    public UUID lineId;

    public int quantity;
    public BigDecimal amount;

    @Column(name = "cost_of_goods")
    public BigDecimal costOfGoods;
}
