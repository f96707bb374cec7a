package io.rapport.engagement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A complaint: OPEN until resolved (it may be reopened); due by the SLA of its severity, escalated by level when overdue. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String category;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String description;
    public String state;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "due_at")
    public Instant dueAt;
    /** When it was first escalated (null: not escalated since it was last opened). */
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    /** The highest escalation level reached (0: none); each level is reached once (EscalationRule). */
    @Column(name = "escalation_level")
    public int escalationLevel;

    public String resolution;
    /** 1 (very unhappy) to 5 (very happy), when the customer said. */
    public Integer satisfaction;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "opened_by")
    public String openedBy;
    /** Who handles it: the customer's owner when opened (may be null: the support queue only). */
    @Column(name = "assignee_id")
    public String assigneeId;

    @Version
    public long version;

    public static long openCount(UUID customerId) {
        return count("customerId = ?1 and state = ?2", customerId, OPEN);
    }
}
