package io.rapport.customer.service;

import io.agroal.api.AgroalDataSource;
import io.rapport.customer.registration.Applicant;
import io.rapport.customer.registration.Outcome;
import io.rapport.customer.registration.RegistrationDecision;
import io.rapport.customer.registration.RegistrationFacts;
import io.rapport.customer.registration.RegistrationStore;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One person or company is one record: a normalised e-mail, phone or external id belongs to at most one customer. The
 * rule has one home, the registration decision ({@link RegistrationDecision}, which entries and imports go through);
 * a change of an existing customer asks the same decision with the customer's own identities left out, so create,
 * import and update refuse the same identity with the same answer. The unique indexes on those values back it against
 * races; a merge moves identities and so cannot create a clash.
 */
@ApplicationScoped
public class IdentityService {
    private final AgroalDataSource dataSource;
    private final RegistrationStore store;
    private final Clock clock;

    public IdentityService(AgroalDataSource dataSource, RegistrationStore store, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.store = store;
    }

    /** Throws 409 naming the existing customer when any identity of the changed customer belongs to another one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireUnique(Applicant changed, UUID self) {
        RegistrationFacts stored;
        try (Connection c = dataSource.getConnection()) {
            stored = store.load(c, List.of(changed));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the stored identities", e);
        }
        Map<String, UUID> others = stored.owners().entrySet().stream()
                .filter(o -> !o.getValue().equals(self))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Outcome outcome = RegistrationDecision.decide(
                        List.of(changed),
                        new RegistrationFacts(Map.of(), others),
                        () -> self,
                        clock.instant(),
                        "",
                        false)
                .get(0);
        if (outcome instanceof Outcome.Taken t) {
            throw taken(t);
        }
    }

    /** The answer to an identity that belongs to another customer: 409 naming that customer and the field (not the value). */
    public static ProblemException taken(Outcome.Taken t) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("existingCustomerId", t.owner().toString());
        context.put("field", t.field());
        return ProblemException.conflict(
                "duplicate-customer",
                "The value of " + t.field() + " already belongs to customer " + t.owner(),
                context); // the field, never the value: a problem answer echoes no personal data
    }
}
