package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One recorded consent decision (history, never changed). {@code channel} null means the do-not-contact
 * flag was set ({@code granted} false) or lifted ({@code granted} true).
 */
@Entity
@Table(name = "customer_consent_history")
public class ConsentDecision extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    public String channel;
    public boolean granted;
    public String source;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    public static List<ConsentDecision> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by recordedAt, id", customerId);
    }
}
