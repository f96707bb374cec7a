package io.rapport.loyalty.service;

import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.MemberEnrolled;
import io.rapport.contracts.loyalty.MemberLeft;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.MemberNumbers;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.TierPolicy.Qualification;
import io.rapport.loyalty.domain.TierWindow;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrolment and leaving. A customer has at most one membership per programme; enrolling again reactivates
 * it with the same member number. The member number is the programme code and 12 random characters (see
 * {@link MemberNumbers}: partners cannot guess or enumerate it); the referral code is random (no look-alike characters).
 */
@ApplicationScoped
public class MembershipService {
    private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Outbox outbox;
    private final TierEngine tiers;
    private final io.rapport.platform.audit.Audit audit;

    private final java.time.Clock clock;

    public MembershipService(
            EntityManager em,
            Outbox outbox,
            TierEngine tiers,
            io.rapport.platform.audit.Audit audit,
            java.time.Clock clock) {
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.tiers = tiers;
        this.audit = audit;
    }

    public record Enrolment(Member member, boolean created) {}

    /** @param reason MANUAL, AUTO_RULE or REFERRAL */
    @Transactional
    public Enrolment enrol(UUID programmeId, UUID customerId, String reason) {
        Programme p = ProgrammeService.require(programmeId);
        Optional<Member> existing = Member.find("programmeId = ?1 and customerId = ?2", programmeId, customerId)
                .firstResultOptional();
        Instant now = clock.instant();
        if (existing.isPresent()) {
            Member m = existing.get();
            if (m.active()) {
                return new Enrolment(m, false);
            }
            if (!Member.LEFT.equals(m.status)) {
                throw ProblemException.unprocessable("membership-closed", "membership " + m.id + " is " + m.status);
            }
            m.reactivate();
            enrolled(m, reason, now);
            return new Enrolment(m, true);
        }
        Qualification q = tiers.initial(p, customerId);
        Member m = new Member();
        m.id = UUID.randomUUID();
        m.programmeId = programmeId;
        m.customerId = customerId;
        m.memberNumber = MemberNumbers.next(p.code);
        m.referralCode = referralCode();
        m.status = Member.ACTIVE;
        m.tierCode = q.tier().code();
        m.tierRank = q.tier().rank();
        m.periodStart = now;
        m.periodEnd = TierWindow.periodEnd(now, p.qualificationMonths);
        m.enrolledAt = now;
        m.persist();
        tiers.history(m.id, null, m.tierCode, "START", q.reason(), now);
        enrolled(m, reason, now);
        return new Enrolment(m, true);
    }

    @Transactional
    public Member leave(UUID memberId, String reason) {
        Member m = em.find(Member.class, memberId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("member", memberId);
        }
        if (!m.active()) {
            throw ProblemException.unprocessable("not-active", "member " + memberId + " is " + m.status);
        }
        audit.change(
                "member",
                m.id,
                m.customerId,
                "LEAVE",
                java.util.Map.of("status", m.status),
                reason == null || reason.isBlank()
                        ? java.util.Map.of("status", Member.LEFT)
                        : java.util.Map.of("status", Member.LEFT, "reason", reason.trim()));
        m.status = Member.LEFT;
        m.leftAt = clock.instant();
        outbox.publish(
                LoyaltyEvents.MEMBER_LEFT,
                m.customerId,
                new MemberLeft(
                        m.id.toString(), m.programmeId.toString(), m.customerId.toString(), m.memberNumber, m.leftAt));
        return m;
    }

    private void enrolled(Member m, String reason, Instant at) {
        outbox.publish(
                LoyaltyEvents.MEMBER_ENROLLED,
                m.customerId,
                new MemberEnrolled(
                        m.id.toString(),
                        m.programmeId.toString(),
                        m.customerId.toString(),
                        m.memberNumber,
                        m.tierCode,
                        reason,
                        at));
    }

    private static String referralCode() {
        char[] c = new char[10];
        for (int i = 0; i < c.length; i++) {
            c[i] = CODE_CHARS[RANDOM.nextInt(CODE_CHARS.length)];
        }
        return new String(c);
    }
}
