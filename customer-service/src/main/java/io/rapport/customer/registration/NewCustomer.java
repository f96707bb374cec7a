package io.rapport.customer.registration;

import io.rapport.customer.domain.CustomerStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer the registration decided to create, complete: what is stored, what the event snapshot, the audit trail
 * and the answer show, built once from the applicant. A new customer is ACTIVE at version 0 with no consents,
 * preferences, merge, verification or erasure; {@code lastActivityAt} is null for an imported one (its purchases
 * bring it).
 */
public record NewCustomer(
        UUID id, Applicant applicant, Applicant.Wallet wallet, Instant createdAt, Instant lastActivityAt) {
    public static final long VERSION = 0;
    public static final CustomerStatus STATUS = CustomerStatus.ACTIVE;

    /** A new record is changed when created. */
    public Instant updatedAt() {
        return createdAt;
    }
}
