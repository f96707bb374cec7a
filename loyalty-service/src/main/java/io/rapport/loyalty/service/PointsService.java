package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.service.Ledger.Booking;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Direct redemptions and manual adjustments through the API. An Idempotency-Key makes the booking's source
 * key, so a replay returns the first entry and books nothing.
 */
@ApplicationScoped
public class PointsService {
    private final Ledger ledger;
    private final Audit audit;

    public PointsService(Ledger ledger, Audit audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    public record Booked(LedgerEntry entry, long balance, boolean replay) {
    }

    @Transactional
    public Booked redeem(UUID memberId, long points, String reason, String idempotencyKey) {
        String key = "redeem:" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
        Member m = ledger.lock(memberId);
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            return new Booked(replay.get(), m.pointsBalance, true);
        }
        requireActive(m);
        LedgerEntry e = ledger.debit(m, Kind.REDEEM, Booking.of(points, reason, "DIRECT", key), false).orElseThrow();
        ledger.redeemed(m, e);
        return new Booked(e, m.pointsBalance, false);
    }

    /** A signed correction: positive credits a new lot, negative debits oldest first and may not overdraw. */
    @Transactional
    public Booked adjust(UUID memberId, long points, String reason, String idempotencyKey) {
        if (points == 0) {
            throw ProblemException.invalid("points", "must not be 0");
        }
        String key = "adjust:" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
        Member m = ledger.lock(memberId);
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            return new Booked(replay.get(), m.pointsBalance, true);
        }
        Booking b = Booking.of(Math.abs(points), reason, "ADJUSTMENT", key);
        long before = m.pointsBalance;
        LedgerEntry e = points > 0 ? ledger.credit(m, ProgrammeService.require(m.programmeId), Kind.ADJUST, b)
                : ledger.debit(m, Kind.ADJUST, b, false).orElseThrow();
        audit.change("member-points", m.id, m.customerId, "ADJUST", java.util.Map.of("pointsBalance", before),
                java.util.Map.of("pointsBalance", m.pointsBalance, "points", points, "reason", reason == null ? "" : reason,
                        "ledgerEntryId", e.id.toString()));
        return new Booked(e, m.pointsBalance, false);
    }

    static void requireActive(Member m) {
        if (!m.active()) {
            throw ProblemException.unprocessable("not-active", "member " + m.id + " is " + m.status);
        }
    }

    static Programme programmeOf(Member m) {
        return ProgrammeService.require(m.programmeId);
    }
}
