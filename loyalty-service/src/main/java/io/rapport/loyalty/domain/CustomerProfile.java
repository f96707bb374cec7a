package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The personal data loyalty keeps of a customer, only for the referral checks: normalised e-mails
 * (lower case) and phones (digits only), comma-separated. Removed on erasure.
 */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    // emails and phones (keyed digests) are read and written set-based by profile/ProfileStore only

    @Column(name = "referral_code")
    public String referralCode;

    public boolean erased;
    /** When customer-service registered the customer (the snapshot's createdAt); null when not known. */
    @Column(name = "registered_at")
    public java.time.Instant registeredAt;
}
