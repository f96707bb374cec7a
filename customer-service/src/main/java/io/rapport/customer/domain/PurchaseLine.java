package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of a purchase with what has been refunded of it so far (quantity and money). */
@Entity
@Table(name = "purchase_line")
public class PurchaseLine extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Column(name = "line_no")
    public int lineNo;

    public String sku;
    public String category;
    public int quantity;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    @Column(name = "unit_cost")
    public BigDecimal unitCost;

    @Column(name = "refunded_quantity")
    public int refundedQuantity;

    @Column(name = "refunded_amount")
    public BigDecimal refundedAmount;
}
