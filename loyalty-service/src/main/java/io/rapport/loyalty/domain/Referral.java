package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A newcomer linked to the member whose code they used: PENDING until the first purchase, then COMPLETED (REVERSED when
 * that purchase is refunded whole); REFUSED (self-referral) or NOT_QUALIFYING (not a new customer, see
 * {@link NewCustomerRule}), with the reason in {@code refusal}.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "programme_id")
    public UUID programmeId;

    @Column(name = "referrer_member_id")
    public UUID referrerMemberId;

    @Column(name = "newcomer_customer_id")
    public UUID newcomerCustomerId;

    public String status;
    public String refusal;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Column(name = "created_at")
    public Instant createdAt;
    /** When the code was applied (the registration, for a code given at registration). */
    @Column(name = "applied_at")
    public Instant appliedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
