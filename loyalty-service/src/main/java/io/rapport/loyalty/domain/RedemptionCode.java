package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A one-time code a member got from the programme to let one partner take at most {@code maxPoints} once, before
 * {@code expiresAt}. Only its hash is stored (see {@link RedemptionCodes}); {@code entryId} is the REDEEM entry it paid
 * for, which is what settlement pays the partner for.
 */
@Entity
@Table(name = "redemption_code")
public class RedemptionCode extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "max_points")
    public long maxPoints;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "failed_attempts")
    public int failedAttempts;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "entry_id")
    public UUID entryId;
}
