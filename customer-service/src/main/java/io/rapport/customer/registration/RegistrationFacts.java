package io.rapport.customer.registration;

import java.util.Map;
import java.util.UUID;

/**
 * What a registration decision needs from storage, loaded for a whole batch in one query: the customer each already
 * used idempotency key produced, and the owner of each already stored identity ({@link Identities#key}).
 */
public record RegistrationFacts(Map<String, UUID> replays, Map<String, UUID> owners) {
    public RegistrationFacts {
        replays = Map.copyOf(replays);
        owners = Map.copyOf(owners);
    }
}
