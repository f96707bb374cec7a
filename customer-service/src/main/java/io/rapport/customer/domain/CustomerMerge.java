package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who merged which record into which survivor, when and why. */
@Entity
@Table(name = "customer_merge")
public class CustomerMerge extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "survivor_id")
    public UUID survivorId;

    @Column(name = "merged_id")
    public UUID mergedId;

    public String reason;

    @Column(name = "merged_by")
    public String mergedBy;

    @Column(name = "merged_at")
    public Instant mergedAt;
}
