package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a member's tier history. */
@Entity
@Table(name = "tier_change")
public class TierChange extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "from_tier")
    public String fromTier;

    @Column(name = "to_tier")
    public String toTier;
    /** UP, DOWN, or START for the entry tier at enrolment. */
    public String direction;

    public String reason;

    @Column(name = "changed_at")
    public Instant changedAt;
}
