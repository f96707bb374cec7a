package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** The customer's id in another system (shop, ERP, loyalty card); (system, externalId) is unique. */
@Entity
@Table(name = "customer_external_id")
public class ExternalId extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    public String system;

    @Column(name = "external_id")
    public String externalId;

    public static ExternalId of(UUID customerId, String system, String externalId) {
        ExternalId e = new ExternalId();
        e.id = UUID.randomUUID();
        e.customerId = customerId;
        e.system = system;
        e.externalId = externalId;
        return e;
    }

    public static List<ExternalId> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by system, externalId", customerId);
    }
}
