package io.rapport.loyalty.expiry;

import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.PointsLot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The expiry use case, one pipeline for a batch of members: load their due lots in one query ({@link ExpiryStore#DUE}),
 * decide per member in {@link ExpiryDecision}, store the entries, lots, balances and events. The hourly
 * {@link ExpiryJob} hands in the members it claimed; every booking hands in its one member ({@code Ledger.lock}), so
 * expiry holds at the moment of a redemption, not only once the job has run. The members' rows must be locked.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PointsExpiry {
    private final ExpiryStore store;

    public PointsExpiry(ExpiryStore store) {
        this.store = store;
    }

    /** Expires the due lots of these locked members as of {@code now}; answers the points expired. */
    public long expireDue(List<Member> members, Instant now) {
        Map<UUID, Member> byId = members.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<PointsLot> due = store.dueLots(byId.keySet(), now);
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, Map<UUID, PointsLot>> lotsByMember = new HashMap<>();
        for (PointsLot l : due) {
            lotsByMember.computeIfAbsent(l.memberId, k -> new HashMap<>()).put(l.entryId, l);
        }
        long total = 0;
        for (Member m : members) {
            Map<UUID, PointsLot> lots = lotsByMember.get(m.id);
            if (lots == null) {
                continue;
            }
            List<ExpiryDecision.Expiration> expirations = ExpiryDecision.decide(
                    m.pointsBalance, lots.values().stream().map(PointsLot::lot).toList());
            store.store(m, lots, expirations, now);
            total += expirations.stream()
                    .mapToLong(ExpiryDecision.Expiration::points)
                    .sum();
        }
        return total;
    }

    /** {@link #expireDue(List, Instant)} for one locked member. */
    public long expireDue(Member m, Instant now) {
        return expireDue(List.of(m), now);
    }

    /**
     * Points of these members that are past their expiry at {@code now} but not yet booked as expired (read only, no
     * lock): what a balance shown now must leave out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Long> dueButNotBooked(Collection<UUID> members, Instant now) {
        return store.duePoints(members, now);
    }

    /** The balance a member can spend at {@code now}: the booked balance minus points due to expire. */
    public static long spendable(Member m, Map<UUID, Long> due) {
        return Math.max(0, m.pointsBalance - due.getOrDefault(m.id, 0L));
    }
}
