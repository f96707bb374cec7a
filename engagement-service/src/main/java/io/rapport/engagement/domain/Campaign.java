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
 * An outreach campaign to a class of a scheme (CLASS), an explicit list (LIST) or the top N customers by value
 * (TOP_N). Its contacts go through the same pressure rules as every other contact. ACTIVE until completed.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "target_kind")
    public String targetKind;

    public String scheme;

    @Column(name = "class_label")
    public String classLabel;

    @Column(name = "top_n")
    public Integer topN;

    @Column(name = "cost_per_contact", precision = 19, scale = 4)
    public BigDecimal costPerContact;

    @Column(name = "margin_per_conversion", precision = 19, scale = 4)
    public BigDecimal marginPerConversion;

    public String currency;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public String state;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;
}
