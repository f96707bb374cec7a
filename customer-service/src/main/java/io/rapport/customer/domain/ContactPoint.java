package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** An e-mail address or phone number of a customer, normalised; (kind, value) is unique across all customers. */
@Entity
@Table(name = "customer_contact_point")
public class ContactPoint extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public ContactKind kind;

    public String value;
    public String label;

    @Column(name = "is_primary")
    public boolean primary;

    public static ContactPoint of(UUID customerId, ContactKind kind, String value, String label, boolean primary) {
        ContactPoint c = new ContactPoint();
        c.id = UUID.randomUUID();
        c.customerId = customerId;
        c.kind = kind;
        c.value = value;
        c.label = label;
        c.primary = primary;
        return c;
    }

    /** Primary first, then by value. */
    public static List<ContactPoint> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by primary desc, kind, value", customerId);
    }
}
