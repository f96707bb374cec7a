package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What is left of one credit; debits consume lots oldest first (see {@link FifoLots}). */
@Entity
@Table(name = "points_lot")
public class PointsLot extends PanacheEntityBase {
    @Id
    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "earned_at")
    public Instant earnedAt;
    /** Null when the programme's points never expire. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    public long remaining;

    @Column(name = "warned_at")
    public Instant warnedAt;

    public FifoLots.Lot lot() {
        return new FifoLots.Lot(entryId, earnedAt, expiresAt, remaining);
    }
}
