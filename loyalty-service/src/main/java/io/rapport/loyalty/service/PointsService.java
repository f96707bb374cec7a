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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Direct redemptions and manual adjustments through the API. An Idempotency-Key makes the booking's source key together
 * with the member it is for ({@link #sourceKey}), so two callers' keys for different members never meet; a replay with
 * the same body returns the first entry and books nothing, the same key with another body is a 409.
 */
@ApplicationScoped
public class PointsService {
    private final Ledger ledger;
    private final Audit audit;

    public PointsService(Ledger ledger, Audit audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    public record Booked(LedgerEntry entry, long balance, boolean replay) {}

    @Transactional
    public Booked redeem(UUID memberId, long points, String reason, String idempotencyKey) {
        String key = sourceKey("redeem", memberId, idempotencyKey);
        Member m = ledger.lock(memberId);
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            requireSameRequest(replay.get(), -points, reason);
            return new Booked(replay.get(), m.pointsBalance, true);
        }
        requireActive(m);
        LedgerEntry e = ledger.debit(m, Kind.REDEEM, Booking.of(points, reason, "DIRECT", key));
        ledger.redeemed(m, e);
        return new Booked(e, m.pointsBalance, false);
    }

    /**
     * A signed correction: positive credits (paying a points debt first), negative debits oldest first and may not
     * overdraw.
     */
    @Transactional
    public Booked adjust(UUID memberId, long points, String reason, String idempotencyKey) {
        if (points == 0) {
            throw ProblemException.invalid("points", "must not be 0");
        }
        String key = sourceKey("adjust", memberId, idempotencyKey);
        Member m = ledger.lock(memberId);
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            requireSameRequest(replay.get(), points, reason);
            return new Booked(replay.get(), m.pointsBalance, true);
        }
        Booking b = Booking.of(Math.abs(points), reason, "ADJUSTMENT", key);
        long before = m.pointsBalance;
        LedgerEntry e = points > 0
                ? ledger.credit(m, ProgrammeService.require(m.programmeId), Kind.ADJUST, b)
                : ledger.debit(m, Kind.ADJUST, b);
        audit.change(
                "member-points",
                m.id,
                m.customerId,
                "ADJUST",
                java.util.Map.of("pointsBalance", before),
                java.util.Map.of(
                        "pointsBalance",
                        m.pointsBalance,
                        "points",
                        points,
                        "reason",
                        reason == null ? "" : reason,
                        "ledgerEntryId",
                        e.id.toString()));
        return new Booked(e, m.pointsBalance, false);
    }

    /** The ledger source key of a staff request: the kind, the member and the caller's key (a fresh one without). */
    static String sourceKey(String kind, UUID memberId, String idempotencyKey) {
        return kind + ":" + memberId + ":"
                + (idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID() : idempotencyKey.trim());
    }

    /** 409 when a key that was already used comes back with another body. */
    static void requireSameRequest(LedgerEntry first, long signedPoints, String reason) {
        if (first.points != signedPoints || !Objects.equals(first.reason, reason)) {
            throw keyReused();
        }
    }

    static ProblemException keyReused() {
        return ProblemException.conflict(
                "idempotency-key-reused",
                "this Idempotency-Key was used for another request;" + " send a new key for a new request",
                null);
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
