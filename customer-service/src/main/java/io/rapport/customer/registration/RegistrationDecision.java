package io.rapport.customer.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rules of registering customers, pure: one person or company is one record, so an applicant whose e-mail, phone
 * or external id already belongs to a customer (stored, or an earlier applicant of the same batch) is refused naming
 * that customer; a repeated idempotency key returns the customer the first request created. Everyone else becomes a
 * new ACTIVE customer, registered now; a wallet estimate without a time or author is dated now and signed by the
 * registering user.
 */
public final class RegistrationDecision {
    private RegistrationDecision() {}

    /**
     * @param batch the applicants, in order (earlier ones win identities and keys within the batch)
     * @param facts what storage already holds for them
     * @param ids new customer ids
     * @param now the registration time
     * @param who the registering user
     * @param activity whether registering counts as the customer's activity (an entry does; an import does not)
     * @return one outcome per applicant, in the same order
     */
    public static List<Outcome> decide(
            List<Applicant> batch,
            RegistrationFacts facts,
            Supplier<UUID> ids,
            Instant now,
            String who,
            boolean activity) {
        Map<String, UUID> replays = new HashMap<>(facts.replays());
        Map<String, UUID> owners = new HashMap<>(facts.owners());
        List<Outcome> out = new ArrayList<>(batch.size());
        for (Applicant a : batch) {
            UUID earlier = a.idempotencyKey() == null ? null : replays.get(a.idempotencyKey());
            if (earlier != null) {
                out.add(new Outcome.Replayed(earlier));
                continue;
            }
            List<Identities.Identity> identities = Identities.of(a);
            Outcome.Taken taken = identities.stream()
                    .filter(i -> owners.containsKey(i.key()))
                    .findFirst()
                    .map(i -> new Outcome.Taken(owners.get(i.key()), i.field(), i.what()))
                    .orElse(null);
            if (taken != null) {
                out.add(taken);
                continue;
            }
            UUID id = ids.get();
            identities.forEach(i -> owners.put(i.key(), id));
            if (a.idempotencyKey() != null) {
                replays.put(a.idempotencyKey(), id);
            }
            out.add(new Outcome.Created(
                    new NewCustomer(id, a, wallet(a.wallet(), now, who), now, activity ? now : null)));
        }
        return out;
    }

    private static Applicant.Wallet wallet(Applicant.Wallet w, Instant now, String who) {
        if (w == null) {
            return null;
        }
        return new Applicant.Wallet(
                w.amount(),
                w.currency(),
                w.estimatedAt() == null ? now : w.estimatedAt(),
                w.estimatedBy() == null ? who : w.estimatedBy());
    }
}
