package io.rapport.loyalty.service;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.RewardRedeemed;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.LedgerEntry.Kind;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Reward;
import io.rapport.loyalty.domain.RewardRedemption;
import io.rapport.loyalty.service.Ledger.Booking;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The rewards catalogue. A redemption takes one unit of stock (an atomic conditional decrement) and the
 * points (under the member lock) in one transaction: out of stock or too few points is a 422 and neither
 * changes.
 */
@ApplicationScoped
public class RewardService {
    private final EntityManager em;
    private final Ledger ledger;
    private final Outbox outbox;
    private final java.time.Clock clock;

    public RewardService(EntityManager em, Ledger ledger, Outbox outbox, java.time.Clock clock) {
        this.clock = clock;
        this.em = em;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** What a new reward says (validated by the caller). */
    public record RewardCreate(String name, String description, Long pointsCost, Integer stock) {}

    @Transactional
    public Reward create(UUID programmeId, RewardCreate req) {
        ProgrammeService.require(programmeId);
        Reward r = new Reward();
        r.id = UUID.randomUUID();
        r.programmeId = programmeId;
        r.name = req.name();
        r.description = req.description();
        r.pointsCost = req.pointsCost();
        r.stock = req.stock();
        r.active = true;
        r.createdAt = clock.instant();
        r.persist();
        return r;
    }

    public record Redeemed(RewardRedemption redemption, long balance) {}

    @Transactional
    public Redeemed redeem(UUID rewardId, UUID memberId, String idempotencyKey) {
        Reward reward = Reward.findById(rewardId);
        if (reward == null) {
            throw ProblemException.notFound("reward", rewardId);
        }
        Member m = ledger.lock(memberId);
        String key = PointsService.sourceKey("reward", m.id, idempotencyKey);
        Optional<LedgerEntry> replay = ledger.existing(m.programmeId, key);
        if (replay.isPresent()) {
            RewardRedemption first =
                    RewardRedemption.find("entryId", replay.get().id).firstResult();
            if (!first.rewardId.equals(rewardId)) {
                throw PointsService.keyReused();
            }
            return new Redeemed(first, m.pointsBalance);
        }
        if (!m.programmeId.equals(reward.programmeId)) {
            throw ProblemException.unprocessable(
                    "wrong-programme", "reward " + rewardId + " belongs to another programme");
        }
        PointsService.requireActive(m);
        if (!reward.active) {
            throw ProblemException.unprocessable("reward-inactive", "reward " + rewardId + " is withdrawn");
        }
        if (m.pointsBalance < reward.pointsCost) {
            throw new ProblemException(
                    422,
                    "insufficient-points",
                    "Unprocessable request",
                    "the balance is " + m.pointsBalance + " points; the reward costs " + reward.pointsCost,
                    null,
                    java.util.Map.of("balance", m.pointsBalance));
        }
        int taken = em.createNativeQuery(
                        "update reward set stock = stock - 1 where id = ?1 and stock is not null and stock > 0")
                .setParameter(1, rewardId)
                .executeUpdate();
        if (taken == 0 && reward.stock != null) {
            throw ProblemException.unprocessable("out-of-stock", "reward " + reward.name + " is out of stock");
        }
        LedgerEntry e =
                ledger.debit(m, Kind.REDEEM, Booking.of(reward.pointsCost, "reward " + reward.name, "REWARD", key));
        ledger.redeemed(m, e);
        RewardRedemption r = new RewardRedemption();
        r.id = UUID.randomUUID();
        r.rewardId = rewardId;
        r.memberId = m.id;
        r.entryId = e.id;
        r.points = reward.pointsCost;
        r.createdAt = clock.instant();
        r.persist();
        outbox.publish(
                LoyaltyEvents.REWARD_REDEEMED,
                m.customerId,
                new RewardRedeemed(
                        r.id.toString(),
                        rewardId.toString(),
                        reward.name,
                        m.id.toString(),
                        m.programmeId.toString(),
                        m.customerId.toString(),
                        r.points,
                        r.createdAt));
        return new Redeemed(r, m.pointsBalance);
    }
}
