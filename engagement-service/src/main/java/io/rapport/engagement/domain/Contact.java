package io.rapport.engagement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up contact. {@code requestedAt} is what the plan, campaign or person asked for; {@code dueAt} is the
 * slot the pressure rules gave it. {@code sourceKey} makes creation idempotent (a purchase, a campaign target,
 * an Idempotency-Key): a second contact with the same key is never created.
 */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "source_key")
    public String sourceKey;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    public ContactState state;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
    /** Set while the contact is held (a marketing purpose during an open complaint); the dispatcher skips it. */
    @Column(name = "paused_reason")
    public String pausedReason;
    /** Set when a complaint follow-up cannot meet the complaint's SLA and was placed at once (SERVICE_SLA). */
    @Column(name = "escalated_reason")
    public String escalatedReason;

    @Column(name = "assignee_id")
    public String assigneeId;
    /** The customer's value when last updated: the agenda and the dispatcher serve valuable customers first. */
    @Column(name = "customer_value", precision = 19, scale = 4)
    public BigDecimal customerValue = BigDecimal.ZERO;

    public String outcome;
    public String notes;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    public static Contact bySourceKey(String key) {
        return find("sourceKey", key).firstResult();
    }

    public void close(ContactState to, String outcome, Instant at) {
        this.state = to;
        this.outcome = outcome;
        this.closedAt = at;
        this.pausedReason = null;
    }
}
