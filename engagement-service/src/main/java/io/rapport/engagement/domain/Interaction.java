package io.rapport.engagement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One inbound or outbound interaction (CALL, EMAIL, SMS, VISIT, MEETING) with its outcome. An inbound call can
 * be a sales opportunity with an estimated value. Outbound interactions logged by hand (no {@code contactId})
 * count against the frequency caps like planned contacts.
 */
@Entity
@Table(name = "interaction")
public class Interaction extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;
    /** INBOUND or OUTBOUND. */
    public String direction;

    public String kind;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String outcome;
    public String notes;
    public boolean opportunity;

    @Column(name = "estimated_value", precision = 19, scale = 4)
    public BigDecimal estimatedValue;

    public String currency;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "recorded_by")
    public String recordedBy;
}
