package io.rapport.loyalty.domain;

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

/** A stored benefit; {@link #rule()} gives the terms the quote works with. */
@Entity
@Table(name = "benefit")
public class Benefit extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "programme_id")
    public UUID programmeId;

    @Enumerated(EnumType.STRING)
    public BenefitKind kind;

    public String name;
    public String description;

    @Column(name = "min_tier_rank")
    public Integer minTierRank;

    @Column(name = "segment_classes")
    public String segmentClasses;

    public BigDecimal percent;

    @Column(name = "member_price")
    public BigDecimal memberPrice;

    public String sku;
    public String category;

    @Column(name = "min_quantity")
    public Integer minQuantity;

    @Column(name = "min_purchases")
    public Integer minPurchases;

    @Column(name = "created_at")
    public Instant createdAt;

    public BenefitRule rule() {
        return new BenefitRule(
                id,
                kind,
                name,
                minTierRank,
                Tier.labels(segmentClasses),
                percent,
                memberPrice,
                sku,
                category,
                minQuantity,
                minPurchases);
    }
}
