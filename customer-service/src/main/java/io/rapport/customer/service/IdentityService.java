package io.rapport.customer.service;

import io.rapport.customer.domain.ContactKind;
import io.rapport.customer.domain.ContactPoint;
import io.rapport.customer.domain.ExternalId;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One person or company is one record: finds the customer that already owns a normalised e-mail,
 * phone or external id. The unique indexes on those values back this check against races.
 */
@ApplicationScoped
public class IdentityService {

    /** Throws 409 naming the existing customer when any identity of the draft belongs to another customer. */
    public void requireUnique(CustomerDraft draft, UUID self) {
        for (int i = 0; i < draft.emails().size(); i++) {
            String v = draft.emails().get(i).value();
            String field = "emails[" + i + "].value";
            owner(ContactKind.EMAIL, v)
                    .filter(id -> !id.equals(self))
                    .ifPresent(id -> duplicate(id, field, "e-mail " + v));
        }
        for (int i = 0; i < draft.phones().size(); i++) {
            String v = draft.phones().get(i).value();
            String field = "phones[" + i + "].value";
            owner(ContactKind.PHONE, v)
                    .filter(id -> !id.equals(self))
                    .ifPresent(id -> duplicate(id, field, "phone " + v));
        }
        for (int i = 0; i < draft.externalIds().size(); i++) {
            CustomerDraft.ExternalKey k = draft.externalIds().get(i);
            String field = "externalIds[" + i + "]";
            ownerOfExternal(k.system(), k.id())
                    .filter(id -> !id.equals(self))
                    .ifPresent(id -> duplicate(id, field, "external id " + k.system() + "/" + k.id()));
        }
    }

    public Optional<UUID> owner(ContactKind kind, String normalisedValue) {
        return ContactPoint.<ContactPoint>find("kind = ?1 and value = ?2", kind, normalisedValue)
                .firstResultOptional()
                .map(p -> p.customerId);
    }

    public Optional<UUID> ownerOfExternal(String system, String externalId) {
        return ExternalId.<ExternalId>find("system = ?1 and externalId = ?2", system, externalId)
                .firstResultOptional()
                .map(e -> e.customerId);
    }

    /** Existing owners of any of these e-mails, by value (one query, for bulk import). */
    public Map<String, UUID> ownersOf(ContactKind kind, List<String> values) {
        Map<String, UUID> owners = new LinkedHashMap<>();
        if (!values.isEmpty()) {
            ContactPoint.<ContactPoint>list("kind = ?1 and value in ?2", kind, values)
                    .forEach(p -> owners.put(p.value, p.customerId));
        }
        return owners;
    }

    private static void duplicate(UUID existing, String field, String what) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("existingCustomerId", existing.toString());
        context.put("field", field);
        throw ProblemException.conflict(
                "duplicate-customer", what + " already belongs to customer " + existing, context);
    }
}
