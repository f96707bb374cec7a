package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A club event (e.g. at head office) for invited members; {@code accepted} never exceeds {@code capacity}. */
@Entity
@Table(name = "member_event")
public class MemberEvent extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "programme_id")
    public UUID programmeId;

    public String title;
    public String location;

    @Column(name = "starts_at")
    public Instant startsAt;

    public int capacity;

    @Column(name = "min_tier_rank")
    public Integer minTierRank;

    public int accepted;

    @Column(name = "created_at")
    public Instant createdAt;
}
