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
import java.util.List;
import java.util.UUID;

/**
 * One rule of a level's contact plan: when {@code trigger} happens, schedule a contact {@code days} later on
 * {@code channel} for {@code purpose}, done by the customer's owner (falling back to {@code queue}) or by the
 * team queue; it expires {@code validityDays} after its requested time.
 */
@Entity
@Table(name = "contact_plan")
public class ContactPlan extends PanacheEntityBase {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Level level;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type")
    public TriggerType triggerType;

    public int days;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @Column(name = "cost_per_contact", precision = 19, scale = 4)
    public BigDecimal costPerContact;

    public String currency;
    /** OWNER or QUEUE. */
    public String performer;

    public String queue;

    @Column(name = "validity_days")
    public int validityDays;

    public boolean active;

    @Version
    public long version;

    public static List<ContactPlan> active(Level level, TriggerType trigger) {
        return list("level = ?1 and triggerType = ?2 and active = true order by id", level, trigger);
    }

    /** Who performs a contact of this plan for a customer with this owner. */
    public String assigneeFor(String ownerId) {
        return "OWNER".equals(performer) && ownerId != null && !ownerId.isBlank() ? ownerId : queue;
    }
}
