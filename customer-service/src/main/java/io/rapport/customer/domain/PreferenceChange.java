package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of a remembered preference: SET (with the value before, null when new) or REMOVED, with the touchpoint
 * it came from, who made it and when. Holds personal data (the values): erasure deletes it, a merge moves it.
 */
@Entity
@Table(name = "customer_preference_history")
public class PreferenceChange extends PanacheEntityBase {
    /** SET or REMOVED (named apart from other services' "Kind" schemas in the merged OpenAPI document). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PreferenceChangeKind")
    public enum Kind {
        SET,
        REMOVED
    }

    @Id
    public UUID id;
    /** Insertion order, the tie-break of equal times (assigned by the database). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "customer_id")
    public UUID customerId;

    public String category;

    @Column(name = "pref_key")
    public String key;

    @Enumerated(EnumType.STRING)
    public Kind change;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Enumerated(EnumType.STRING)
    public Touchpoint touchpoint;

    public String actor;

    @Column(name = "changed_at")
    public Instant changedAt;

    public static PreferenceChange of(
            UUID customerId,
            String category,
            String key,
            Kind change,
            String oldValue,
            String newValue,
            Touchpoint touchpoint,
            String actor,
            Instant at) {
        PreferenceChange c = new PreferenceChange();
        c.id = UUID.randomUUID();
        c.customerId = customerId;
        c.category = category;
        c.key = key;
        c.change = change;
        c.oldValue = oldValue;
        c.newValue = newValue;
        c.touchpoint = touchpoint;
        c.actor = actor;
        c.changedAt = at;
        return c;
    }
}
