package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A remembered preference such as {@code room.pillow = long}: one value per (customer, category, key). */
@Entity
@Table(name = "customer_preference")
public class Preference extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    public String category;

    @Column(name = "pref_key")
    public String key;

    @Column(name = "pref_value")
    public String value;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Touchpoint touchpoint = Touchpoint.API;

    public static List<Preference> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by category, key", customerId);
    }
}
