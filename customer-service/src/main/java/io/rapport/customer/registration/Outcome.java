package io.rapport.customer.registration;

import java.util.UUID;

/** What the registration decided for one applicant. */
public sealed interface Outcome {
    /** A new customer, stored. */
    record Created(NewCustomer customer) implements Outcome {}

    /** The idempotency key was used before (stored, or by an earlier applicant of the batch): nothing new. */
    record Replayed(UUID customerId) implements Outcome {}

    /**
     * An e-mail, phone or external id of the applicant already belongs to {@code owner} (stored, or an earlier applicant
     * of the batch): nothing stored. {@code field} names it in the applicant (e.g. {@code emails[0].value}),
     * {@code what} describes it ({@code e-mail a@b.example}).
     */
    record Taken(UUID owner, String field, String what) implements Outcome {}
}
