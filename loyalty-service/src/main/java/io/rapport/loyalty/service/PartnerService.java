package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.Tier;
import io.rapport.loyalty.rest.PartnerDtos.PartnerBurn;
import io.rapport.loyalty.rest.PartnerDtos.PartnerCreate;
import io.rapport.loyalty.rest.PartnerDtos.PartnerEarn;
import io.rapport.loyalty.rest.PartnerDtos.Settlement;
import io.rapport.loyalty.service.Ledger.Booking;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * Alliance partners. A partner earns and burns for members of its programme, identified by member number;
 * the partner's reference is the unique source (a resent request books nothing twice). A partner only ever
 * sees entries it booked itself.
 */
@ApplicationScoped
public class PartnerService {
    private final EntityManager em;
    private final Ledger ledger;

    public PartnerService(EntityManager em, Ledger ledger) {
        this.em = em;
        this.ledger = ledger;
    }

    @Transactional
    public Partner create(PartnerCreate req) {
        ProgrammeService.require(req.programmeId());
        Partner p = new Partner();
        p.id = UUID.randomUUID();
        p.name = req.name();
        p.programmeId = req.programmeId();
        p.pointValue = req.pointValue();
        p.active = true;
        p.createdAt = Instant.now();
        p.persist();
        return p;
    }

    /** The calling partner: 401 without a usable header, 403 when unknown or inactive. */
    public Partner caller(String header) {
        UUID id;
        try {
            id = header == null ? null : UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw new ProblemException(401, "unauthenticated", "Unauthenticated",
                    "partner endpoints need a partner identity from the gateway (a partner API key)", null, null);
        }
        Partner p = Partner.findById(id);
        if (p == null || !p.active) {
            throw new ProblemException(403, "forbidden", "Forbidden", "partner " + id + " is not an active partner", null, null);
        }
        return p;
    }

    public record Booked(LedgerEntry entry, Member member, boolean replay) {
    }

    @Transactional
    public Booked earn(String partnerHeader, PartnerEarn req) {
        Partner partner = caller(partnerHeader);
        Programme prog = ProgrammeService.require(partner.programmeId);
        if (!prog.currency.equals(req.currency())) {
            throw ProblemException.unprocessable("currency-mismatch", "currency", "the programme earns in " + prog.currency);
        }
        Member m = ledger.lock(member(partner, req.memberNumber()).id);
        String key = "partner:" + partner.id + ":" + req.reference();
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            return new Booked(replay.get(), m, true);
        }
        PointsService.requireActive(m);
        Tier tier = Tier.find("programmeId = ?1 and code = ?2", prog.id, m.tierCode).firstResult();
        long points = req.amount().multiply(prog.pointsPerUnit).multiply(tier.multiplier).setScale(0, RoundingMode.DOWN).longValueExact();
        if (points <= 0) {
            throw ProblemException.unprocessable("no-points", "amount", "earns less than one point");
        }
        LedgerEntry e = ledger.credit(m, prog, Kind.EARN, new Booking(points, req.amount(), partner.name + " " + req.reference() + ": "
                + req.amount().toPlainString() + " " + req.currency() + " x " + prog.pointsPerUnit.stripTrailingZeros().toPlainString()
                + " pt/unit x tier " + tier.multiplier.stripTrailingZeros().toPlainString(), "PARTNER", key, null, partner.id, Instant.now()));
        return new Booked(e, m, false);
    }

    @Transactional
    public Booked burn(String partnerHeader, PartnerBurn req) {
        Partner partner = caller(partnerHeader);
        Member m = ledger.lock(member(partner, req.memberNumber()).id);
        String key = "partner:" + partner.id + ":" + req.reference();
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            return new Booked(replay.get(), m, true);
        }
        PointsService.requireActive(m);
        LedgerEntry e = ledger.debit(m, Kind.REDEEM, new Booking(req.points(), null, partner.name + " " + req.reference(), "PARTNER",
                key, null, partner.id, Instant.now()), false).orElseThrow();
        ledger.redeemed(m, e);
        return new Booked(e, m, false);
    }

    /** The partner's own entry; another partner's entry is "not found", never "forbidden", so ids do not leak. */
    public LedgerEntry transaction(String partnerHeader, UUID entryId) {
        Partner partner = caller(partnerHeader);
        LedgerEntry e = LedgerEntry.findById(entryId);
        if (e == null || !partner.id.equals(e.partnerId)) {
            throw ProblemException.notFound("transaction", entryId);
        }
        return e;
    }

    public Settlement settlement(UUID partnerId, Instant from, Instant to) {
        Partner p = Partner.findById(partnerId);
        if (p == null) {
            throw ProblemException.notFound("partner", partnerId);
        }
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        Object[] r = (Object[]) em.createNativeQuery("select count(*) filter (where kind = 'EARN'),"
                + " coalesce(sum(points) filter (where kind = 'EARN'), 0), count(*) filter (where kind = 'REDEEM'),"
                + " coalesce(-sum(points) filter (where kind = 'REDEEM'), 0)"
                + " from ledger_entry where partner_id = ?1 and occurred_at >= ?2 and occurred_at < ?3")
                .setParameter(1, partnerId).setParameter(2, from).setParameter(3, to).getSingleResult();
        Programme prog = ProgrammeService.require(p.programmeId);
        int scale = Currency.getInstance(prog.currency).getDefaultFractionDigits();
        long issued = ((Number) r[1]).longValue();
        long burned = ((Number) r[3]).longValue();
        BigDecimal owedBy = p.pointValue.multiply(BigDecimal.valueOf(issued)).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal owedTo = p.pointValue.multiply(BigDecimal.valueOf(burned)).setScale(scale, RoundingMode.HALF_UP);
        return new Settlement(p.id.toString(), p.name, from, to, ((Number) r[0]).longValue(), issued, ((Number) r[2]).longValue(),
                burned, p.pointValue.toPlainString(), prog.currency, owedBy.toPlainString(), owedTo.toPlainString(),
                owedBy.subtract(owedTo).toPlainString());
    }

    private static Member member(Partner partner, String memberNumber) {
        Member m = Member.find("memberNumber", memberNumber).firstResult();
        if (m == null || !m.programmeId.equals(partner.programmeId)) {
            throw ProblemException.notFound("member", memberNumber);
        }
        return m;
    }
}
