package io.rapport.loyalty.service;

import io.rapport.loyalty.config.LoyaltyConfig;
import io.rapport.loyalty.domain.EarnCalculator;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.domain.PartnerLimits;
import io.rapport.loyalty.domain.PartnerLink;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.RedemptionCode;
import io.rapport.loyalty.domain.RedemptionCodes;
import io.rapport.loyalty.domain.Tier;
import io.rapport.loyalty.service.Ledger.Booking;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alliance partners. A partner books only for members of its programme who linked it (consent), identified by their
 * random member number; spending also needs a one-time code the member got for this partner (see README, "Partner
 * redemption"). Refusals are one generic answer that tells nothing about the member or the balance. The partner's
 * reference is unique per partner and member: a resent request with the same body returns the first booking, another
 * body with the same reference is a 409. A partner only ever sees entries it booked itself, never a balance.
 */
@ApplicationScoped
public class PartnerService {
    private final EntityManager em;
    private final Ledger ledger;
    private final LoyaltyConfig config;
    private final CodeAttempts attempts;
    private final java.time.Clock clock;

    public PartnerService(
            EntityManager em, Ledger ledger, LoyaltyConfig config, CodeAttempts attempts, java.time.Clock clock) {
        this.clock = clock;
        this.em = em;
        this.ledger = ledger;
        this.config = config;
        this.attempts = attempts;
    }

    /** A new partner (validated by the caller); null limits: the configured defaults. */
    public record PartnerCreate(
            String name, UUID programmeId, BigDecimal pointValue, Long maxPointsPerTransaction, Long maxPointsPerDay) {}

    /** Spend at the partner to earn points on. */
    public record PartnerEarn(String memberNumber, BigDecimal amount, String currency, String reference) {}

    /** Points to spend at the partner with the member's one-time code. */
    public record PartnerBurn(String memberNumber, String code, BigDecimal points, String reference) {}

    /** A partner's settlement for [from, to); amounts are plain decimal strings in the programme currency. */
    public record Settlement(
            String partnerId,
            String partnerName,
            Instant from,
            Instant to,
            long earnTransactions,
            long pointsIssued,
            long burnTransactions,
            long pointsBurned,
            long pointsBurnedWithoutProof,
            String pointValue,
            String currency,
            String amountOwedByPartner,
            String amountOwedToPartner,
            String net) {}

    @Transactional
    public Partner create(PartnerCreate req) {
        ProgrammeService.require(req.programmeId());
        Partner p = new Partner();
        p.id = UUID.randomUUID();
        p.name = req.name();
        p.programmeId = req.programmeId();
        p.pointValue = req.pointValue();
        p.maxPointsPerTransaction = req.maxPointsPerTransaction();
        p.maxPointsPerDay = req.maxPointsPerDay();
        p.active = true;
        p.createdAt = clock.instant();
        p.persist();
        return p;
    }

    /** The calling partner: 401 when the caller is no partner, 403 when unknown or inactive. */
    public Partner caller(Caller caller) {
        UUID id;
        try {
            id = caller.partnerId().map(UUID::fromString).orElse(null);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw new ProblemException(
                    401,
                    "unauthenticated",
                    "Unauthenticated",
                    "partner endpoints need a partner's API key at the gateway",
                    null,
                    null);
        }
        Partner p = Partner.findById(id);
        if (p == null || !p.active) {
            throw new ProblemException(
                    403, "forbidden", "Forbidden", "the caller is not an active partner", null, null);
        }
        return p;
    }

    public record Booked(LedgerEntry entry, Member member, boolean replay) {}

    @Transactional
    public Booked earn(Caller caller, PartnerEarn req) {
        Partner partner = caller(caller);
        if (!PartnerLimits.amount(req.amount(), config.partners().maxEarnAmount())) {
            throw ProblemException.unprocessable(
                    "amount-out-of-range",
                    "amount",
                    "must be more than 0 and at most "
                            + config.partners().maxEarnAmount().toPlainString());
        }
        Programme prog = ProgrammeService.require(partner.programmeId);
        if (!prog.currency.equals(req.currency())) {
            throw ProblemException.unprocessable(
                    "currency-mismatch", "currency", "the programme earns in " + prog.currency);
        }
        Member m = linkedMember(partner, req.memberNumber()).orElseThrow(PartnerService::notLinked);
        String key = sourceKey(partner, m, req.reference());
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            if (replay.get().spend == null || replay.get().spend.compareTo(req.amount()) != 0) {
                throw PointsService.keyReused();
            }
            return new Booked(replay.get(), m, true);
        }
        Tier tier =
                Tier.find("programmeId = ?1 and code = ?2", prog.id, m.tierCode).firstResult();
        long points = EarnCalculator.compute(
                        List.of(new EarnCalculator.Line(null, req.amount())),
                        prog.pointsPerUnit,
                        tier.multiplier,
                        List.of(),
                        null)
                .points();
        if (points <= 0) {
            throw ProblemException.unprocessable("no-points", "amount", "earns less than one point");
        }
        LedgerEntry e = ledger.credit(
                m,
                prog,
                Kind.EARN,
                new Booking(
                        points,
                        req.amount(),
                        partner.name + " " + req.reference() + ": "
                                + req.amount().toPlainString() + " " + req.currency() + " x "
                                + prog.pointsPerUnit.stripTrailingZeros().toPlainString()
                                + " pt/unit x tier "
                                + tier.multiplier.stripTrailingZeros().toPlainString(),
                        "PARTNER",
                        key,
                        null,
                        partner.id,
                        clock.instant()));
        return new Booked(e, m, false);
    }

    /**
     * Spends points with the member's one-time code. Checked in this order, so that nothing is learnt without a valid
     * code: bounds of the amount (422), member linked to this partner and active (403), the code (403; a wrong code
     * counts against the member's codes here), limits of partner and code (422), the balance (422, without figures).
     */
    @Transactional
    public Booked burn(Caller caller, PartnerBurn req) {
        Partner partner = caller(caller);
        long points = PartnerLimits.points(req.points())
                .orElseThrow(() -> ProblemException.unprocessable(
                        "amount-out-of-range",
                        "points",
                        "must be a whole number of points from 1 to " + PartnerLimits.MAX_POINTS));
        Member m = linkedMember(partner, req.memberNumber()).orElseThrow(PartnerService::refused);
        String key = sourceKey(partner, m, req.reference());
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            RedemptionCode used =
                    RedemptionCode.find("entryId", replay.get().id).firstResult();
            if (replay.get().points != -points
                    || used == null
                    || !RedemptionCodes.matches(used.id, used.codeHash, req.code())) {
                throw PointsService.keyReused();
            }
            return new Booked(replay.get(), m, true);
        }
        RedemptionCode code = liveCode(m, partner, req.code());
        LoyaltyConfig.Partners defaults = config.partners();
        long perTransaction = partner.maxPointsPerTransaction == null
                ? defaults.maxPointsPerTransaction()
                : partner.maxPointsPerTransaction;
        long perDay = partner.maxPointsPerDay == null ? defaults.maxPointsPerDay() : partner.maxPointsPerDay;
        switch (PartnerLimits.check(points, perTransaction, code.maxPoints, perDay, spentToday(m, partner))) {
            case OVER_TRANSACTION_LIMIT -> throw limit("the points exceed this partner's limit per transaction");
            case OVER_CODE_MAXIMUM -> throw limit("the points exceed what the member's code allows");
            case OVER_DAILY_LIMIT -> throw limit("the points exceed this partner's daily limit for the member");
            case OK -> {}
        }
        if (points > m.pointsBalance) {
            throw ProblemException.unprocessable(
                    "insufficient-points", "the member's points do not cover this redemption");
        }
        LedgerEntry e = ledger.debit(
                m,
                Kind.REDEEM,
                new Booking(
                        points,
                        null,
                        partner.name + " " + req.reference(),
                        "PARTNER",
                        key,
                        null,
                        partner.id,
                        clock.instant()));
        int claimed = em.createNativeQuery(
                        "update redemption_code set used_at = ?1, entry_id = ?2 where id = ?3 and used_at is null")
                .setParameter(1, e.createdAt)
                .setParameter(2, e.id)
                .setParameter(3, code.id)
                .executeUpdate();
        if (claimed != 1) {
            throw refused();
        }
        ledger.redeemed(m, e);
        return new Booked(e, m, false);
    }

    /** The partner's own entry; another partner's entry is "not found", never "forbidden", so ids do not leak. */
    public LedgerEntry transaction(Caller caller, UUID entryId) {
        Partner partner = caller(caller);
        LedgerEntry e = LedgerEntry.findById(entryId);
        if (e == null || !partner.id.equals(e.partnerId)) {
            throw ProblemException.notFound("transaction", entryId);
        }
        return e;
    }

    /**
     * Points issued at the partner (it owes their value) and points redeemed there that consumed a member's code (the
     * programme owes their value). Partner REDEEM entries without a code (booked before codes existed) are reported
     * in {@code pointsBurnedWithoutProof} and not paid.
     */
    public Settlement settlement(UUID partnerId, Instant from, Instant to) {
        Partner p = Partner.findById(partnerId);
        if (p == null) {
            throw ProblemException.notFound("partner", partnerId);
        }
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        Object[] r = (Object[]) em.createNativeQuery("select count(*) filter (where e.kind = 'EARN'),"
                        + " coalesce(sum(e.points) filter (where e.kind = 'EARN'), 0),"
                        + " count(*) filter (where e.kind = 'REDEEM' and c.id is not null),"
                        + " coalesce(-sum(e.points) filter (where e.kind = 'REDEEM' and c.id is not null), 0),"
                        + " coalesce(-sum(e.points) filter (where e.kind = 'REDEEM' and c.id is null), 0)"
                        + " from ledger_entry e left join redemption_code c on c.entry_id = e.id and c.partner_id = e.partner_id"
                        + " where e.partner_id = ?1 and e.occurred_at >= ?2 and e.occurred_at < ?3")
                .setParameter(1, partnerId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getSingleResult();
        Programme prog = ProgrammeService.require(p.programmeId);
        int scale = Currency.getInstance(prog.currency).getDefaultFractionDigits();
        long issued = ((Number) r[1]).longValue();
        long burned = ((Number) r[3]).longValue();
        BigDecimal owedBy = p.pointValue.multiply(BigDecimal.valueOf(issued)).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal owedTo = p.pointValue.multiply(BigDecimal.valueOf(burned)).setScale(scale, RoundingMode.HALF_UP);
        return new Settlement(
                p.id.toString(),
                p.name,
                from,
                to,
                ((Number) r[0]).longValue(),
                issued,
                ((Number) r[2]).longValue(),
                burned,
                ((Number) r[4]).longValue(),
                p.pointValue.toPlainString(),
                prog.currency,
                owedBy.toPlainString(),
                owedTo.toPlainString(),
                owedBy.subtract(owedTo).toPlainString());
    }

    /** The reference a partner sent for an entry it booked (its source key without the partner and member parts). */
    public static String reference(LedgerEntry e) {
        String rest = e.sourceKey.substring(("partner:" + e.partnerId + ":").length());
        String member = e.memberId + ":";
        return rest.startsWith(member) ? rest.substring(member.length()) : rest;
    }

    private static String sourceKey(Partner partner, Member m, String reference) {
        return "partner:" + partner.id + ":" + m.id + ":" + reference;
    }

    /** The active member with this number in the partner's programme that has linked the partner, locked. */
    private Optional<Member> linkedMember(Partner partner, String memberNumber) {
        Member found = Member.find(
                        "memberNumber = ?1 and programmeId = ?2",
                        memberNumber == null ? "" : memberNumber.trim(),
                        partner.programmeId)
                .firstResult();
        if (found == null) {
            return Optional.empty();
        }
        Member m = ledger.lock(found.id);
        if (!m.active() || PartnerLink.active(m.id, partner.id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(m);
    }

    /** The member's live code for this partner that {@code presented} is; a wrong code counts as an attempt. */
    private RedemptionCode liveCode(Member m, Partner partner, String presented) {
        List<RedemptionCode> live = RedemptionCode.list(
                "memberId = ?1 and partnerId = ?2 and usedAt is null and expiresAt > ?3" + " and failedAttempts < ?4",
                m.id,
                partner.id,
                clock.instant(),
                config.partners().maxCodeAttempts());
        for (RedemptionCode c : live) {
            if (RedemptionCodes.matches(c.id, c.codeHash, presented)) {
                return c;
            }
        }
        attempts.wrongCode(m.id, partner.id);
        throw refused();
    }

    private long spentToday(Member m, Partner partner) {
        Instant dayStart = LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Number spent =
                (Number) em.createNativeQuery("select coalesce(-sum(points), 0) from ledger_entry where member_id = ?1"
                                + " and partner_id = ?2 and kind = 'REDEEM' and occurred_at >= ?3")
                        .setParameter(1, m.id)
                        .setParameter(2, partner.id)
                        .setParameter(3, dayStart)
                        .getSingleResult();
        return spent.longValue();
    }

    static ProblemException refused() {
        return new ProblemException(
                403,
                "redemption-refused",
                "Forbidden",
                "the redemption is not authorised: the member"
                        + " must have linked this partner and present a valid, unused redemption code for it",
                null,
                null);
    }

    private static ProblemException notLinked() {
        return new ProblemException(
                403, "not-linked", "Forbidden", "no member with this number has linked this partner", null, null);
    }

    private static ProblemException limit(String detail) {
        return new ProblemException(422, "limit-exceeded", "Unprocessable request", detail, null, null);
    }
}
