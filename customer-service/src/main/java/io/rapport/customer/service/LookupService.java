package io.rapport.customer.service;

import io.rapport.customer.domain.ContactKind;
import io.rapport.customer.model.CustomerView;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Finds the one customer owning an e-mail, a phone or an external id (values normalised first; one index-backed statement). */
@ApplicationScoped
public class LookupService {
    private final CustomerDrafts drafts;
    private final CustomerReader reader;

    public LookupService(CustomerDrafts drafts, CustomerReader reader) {
        this.drafts = drafts;
        this.reader = reader;
    }

    public CustomerView lookup(String email, String phone, String externalSystem, String externalId) {
        int given = (email != null ? 1 : 0)
                + (phone != null ? 1 : 0)
                + (externalSystem != null || externalId != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.invalid(
                    "email", "give exactly one of email, phone or externalSystem with externalId");
        }
        Optional<CustomerView> owner;
        String what; // names the kind of key only: the value is personal data and never goes back in a problem
        if (email != null) {
            String v = drafts.normaliseEmail("email", email);
            owner = reader.byContact(ContactKind.EMAIL, v);
            what = "this e-mail";
        } else if (phone != null) {
            String v = drafts.normalisePhone("phone", phone);
            owner = reader.byContact(ContactKind.PHONE, v);
            what = "this phone";
        } else {
            if (externalSystem == null || externalSystem.isBlank()) {
                throw ProblemException.invalid("externalSystem", "is required with externalId");
            }
            if (externalId == null || externalId.isBlank()) {
                throw ProblemException.invalid("externalId", "is required with externalSystem");
            }
            owner = reader.byExternalId(externalSystem.trim(), externalId.trim());
            what = "this external id in " + externalSystem.trim();
        }
        return owner.orElseThrow(() -> ProblemException.notFound("customer with", what));
    }
}
