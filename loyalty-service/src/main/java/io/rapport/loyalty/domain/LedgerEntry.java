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
 * One append-only entry of the points ledger. {@code points} is signed: EARN and a positive ADJUST credit,
 * REDEEM, EXPIRE, REVERSE and a negative ADJUST debit. {@code sourceKey} is unique per programme, so the
 * same source fact (a purchase, a refund, a partner reference, an idempotency key) is booked once.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
    public enum Kind {
        EARN,
        REDEEM,
        EXPIRE,
        ADJUST,
        REVERSE
    }

    @Id
    public UUID id;

    @Column(name = "programme_id")
    public UUID programmeId;

    @Column(name = "member_id")
    public UUID memberId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    public long points;
    /** Money behind the entry in the programme currency (purchases, refunds, partner earns); null otherwise. */
    public BigDecimal spend;

    public String reason;
    /** PURCHASE, REFUND, REWARD, DIRECT, PARTNER, REFERRAL, ADJUSTMENT or EXPIRY. */
    public String source;

    @Column(name = "source_key")
    public String sourceKey;

    @Column(name = "related_key")
    public String relatedKey;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
