package io.rapport.loyalty.profile;

import io.rapport.loyalty.profile.ProfileDecision.Change;
import io.rapport.loyalty.profile.ProfileDecision.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Registrations and updates of customers (loyalty keeps their contact-point digests for the referral checks and the
 * registration time for the new-customer rule): load the run's stored profiles in one query, fold the snapshots in
 * order ({@link ProfileDecision}), store the result in one statement, whatever the number of events. One event (the
 * record-by-record path, a registration with a referral code) is a run of one through the same steps.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProfilePipeline {
    private final EntityManager em;
    private final ProfileStore store;

    public ProfilePipeline(EntityManager em, ProfileStore store) {
        this.em = em;
        this.store = store;
    }

    /** Applies the snapshots, in order, inside the caller's transaction; answers each named customer's row after it. */
    public Map<UUID, Row> apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return Map.of();
        }
        em.flush(); // what the poll changed through Hibernate before this run is read below
        Map<UUID, Row> stored =
                store.load(changes.stream().map(Change::customerId).distinct().toList());
        Map<UUID, Row> after = ProfileDecision.decide(stored, changes);
        store.save(List.copyOf(after.values()));
        em.clear(); // no profile loaded before stays in the session with its old values
        return after;
    }
}
