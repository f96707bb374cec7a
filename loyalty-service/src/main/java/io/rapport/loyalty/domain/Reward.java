package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A catalogue reward; {@code stock} null means unlimited. */
@Entity
@Table(name = "reward")
public class Reward extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "programme_id")
    public UUID programmeId;

    public String name;
    public String description;

    @Column(name = "points_cost")
    public long pointsCost;

    public Integer stock;
    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;
}
