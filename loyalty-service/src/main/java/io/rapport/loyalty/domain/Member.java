package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A membership of one customer in one programme. {@code pointsBalance} (spendable) minus {@code pointsDebt} (owed after
 * a refund of points already spent, see {@link PointsDebt}) is the sum of the member's ledger entries; neither is ever
 * negative and every change to them happens under this row's lock. The tier holds until
 * {@code periodEnd}, when the scheduled evaluation may downgrade it and starts the next period.
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";
    public static final String LEFT = "LEFT";
    public static final String MERGED = "MERGED";
    public static final String ERASED = "ERASED";

    @Id
    public UUID id;

    @Column(name = "programme_id")
    public UUID programmeId;
    /** Null once the customer is erased. */
    @Column(name = "customer_id")
    public UUID customerId;
    /** Random and not guessable (see {@link MemberNumbers}); the only number a partner may use. */
    @Column(name = "member_number")
    public String memberNumber;
    /** The sequential number of a member enrolled before V20; staff only. */
    @Column(name = "legacy_member_number")
    public String legacyMemberNumber;

    @Column(name = "referral_code")
    public String referralCode;

    public String status;

    @Column(name = "tier_code")
    public String tierCode;

    @Column(name = "tier_rank")
    public int tierRank;

    @Column(name = "period_start")
    public Instant periodStart;

    @Column(name = "period_end")
    public Instant periodEnd;

    @Column(name = "points_balance")
    public long pointsBalance;

    @Column(name = "points_debt")
    public long pointsDebt;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;

    @Column(name = "left_at")
    public Instant leftAt;

    public PointsDebt.Position position() {
        return new PointsDebt.Position(pointsBalance, pointsDebt);
    }

    public void position(PointsDebt.Position p) {
        pointsBalance = p.spendable();
        pointsDebt = p.debt();
    }

    /** Active again (enrolling again after leaving, or a merge with an active membership): the membership is kept. */
    public void reactivate() {
        status = ACTIVE;
        leftAt = null;
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
