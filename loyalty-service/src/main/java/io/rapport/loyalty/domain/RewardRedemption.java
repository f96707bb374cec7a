package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reward a member took, with the REDEEM ledger entry that paid for it. */
@Entity
@Table(name = "reward_redemption")
public class RewardRedemption extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "reward_id")
    public UUID rewardId;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "entry_id")
    public UUID entryId;

    public long points;

    @Column(name = "created_at")
    public Instant createdAt;
}
