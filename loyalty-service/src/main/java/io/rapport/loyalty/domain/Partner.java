package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An alliance partner business. Its id is what the gateway puts in {@code X-Rapport-Partner-Id};
 * {@code pointValue} is the money one point is worth between partner and programme, in the programme currency.
 */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;

    @Column(name = "programme_id")
    public UUID programmeId;

    @Column(name = "point_value")
    public BigDecimal pointValue;

    public boolean active;
    /** Most points one redemption may take; null: the configured default. */
    @Column(name = "max_points_per_transaction")
    public Long maxPointsPerTransaction;
    /** Most points one member may spend here per UTC day; null: the configured default. */
    @Column(name = "max_points_per_day")
    public Long maxPointsPerDay;

    @Column(name = "created_at")
    public Instant createdAt;
}
