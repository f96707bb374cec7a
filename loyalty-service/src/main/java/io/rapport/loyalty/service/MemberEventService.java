package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.MemberEvent;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Club events (e.g. a day at head office): invitations go to active members of the programme at or above the
 * event's minimum tier; an RSVP that accepts takes a seat under the event row's lock, so acceptances never
 * exceed the capacity (a full event answers 422).
 */
@ApplicationScoped
public class MemberEventService {
    private final EntityManager em;
    private final java.time.Clock clock;

    public MemberEventService(EntityManager em, java.time.Clock clock) {
        this.clock = clock;
        this.em = em;
    }

    /** What a new member event says (validated by the caller). */
    public record EventCreate(String title, String location, Instant startsAt, Integer capacity) {}

    @Transactional
    public MemberEvent create(UUID programmeId, EventCreate req, Integer minTierRank) {
        ProgrammeService.require(programmeId);
        MemberEvent e = new MemberEvent();
        e.id = UUID.randomUUID();
        e.programmeId = programmeId;
        e.title = req.title();
        e.location = req.location();
        e.startsAt = req.startsAt();
        e.capacity = req.capacity();
        e.minTierRank = minTierRank;
        e.accepted = 0;
        e.createdAt = clock.instant();
        e.persist();
        return e;
    }

    /**
     * Invites the given members, or every eligible active member when none are given (one set-based insert);
     * members already invited keep their answer. Returns how many were newly invited.
     */
    @Transactional
    public int invite(UUID eventId, List<UUID> memberIds) {
        MemberEvent e = require(eventId);
        int minRank = e.minTierRank == null ? 0 : e.minTierRank;
        String sql = "insert into event_invitation (event_id, member_id, status, invited_at)"
                + " select ?1, m.id, 'INVITED', ?4 from member m where m.programme_id = ?2 and m.status = 'ACTIVE'"
                + " and m.tier_rank >= ?3" + (memberIds == null || memberIds.isEmpty() ? "" : " and m.id = any(?5)")
                + " on conflict do nothing";
        var q = em.createNativeQuery(sql)
                .setParameter(1, eventId)
                .setParameter(2, e.programmeId)
                .setParameter(3, minRank)
                .setParameter(4, clock.instant());
        if (memberIds != null && !memberIds.isEmpty()) {
            for (UUID id : memberIds) {
                Member m = Member.findById(id);
                if (m == null || !m.programmeId.equals(e.programmeId)) {
                    throw ProblemException.notFound("member of this programme", id);
                }
                if (!m.active() || m.tierRank < minRank) {
                    throw ProblemException.unprocessable(
                            "not-eligible",
                            "member " + id + " is not eligible for this event" + " (needs an active membership at tier "
                                    + tierName(e.programmeId, minRank) + " or above)");
                }
            }
            q.setParameter(5, memberIds.toArray(new UUID[0]));
        }
        return q.executeUpdate();
    }

    /** @param accept true to take a seat, false to decline (freeing a seat taken before) */
    @Transactional
    public String rsvp(UUID eventId, UUID memberId, boolean accept) {
        MemberEvent e = em.find(MemberEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("event", eventId);
        }
        Object status = em.createNativeQuery(
                        "select status from event_invitation where event_id = ?1 and member_id = ?2")
                .setParameter(1, eventId)
                .setParameter(2, memberId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (status == null) {
            throw ProblemException.notFound("invitation of member", memberId);
        }
        boolean wasAccepted = "ACCEPTED".equals(status);
        if (accept && !wasAccepted) {
            if (e.accepted >= e.capacity) {
                throw ProblemException.unprocessable("event-full", "all " + e.capacity + " seats are taken");
            }
            e.accepted++;
        } else if (!accept && wasAccepted) {
            e.accepted--;
        }
        String next = accept ? "ACCEPTED" : "DECLINED";
        em.createNativeQuery(
                        "update event_invitation set status = ?3, responded_at = ?4 where event_id = ?1 and member_id = ?2")
                .setParameter(1, eventId)
                .setParameter(2, memberId)
                .setParameter(3, next)
                .setParameter(4, clock.instant())
                .executeUpdate();
        return next;
    }

    public static MemberEvent require(UUID id) {
        MemberEvent e = MemberEvent.findById(id);
        if (e == null) {
            throw ProblemException.notFound("event", id);
        }
        return e;
    }

    /** The name of the programme's tier of this rank (or the next above it), for messages. */
    static String tierName(UUID programmeId, int rank) {
        return io.rapport.loyalty.domain.Tier.of(programmeId).stream()
                .filter(t -> t.rank >= rank)
                .min(java.util.Comparator.comparingInt(t -> t.rank))
                .map(t -> t.name == null || t.name.isBlank() ? t.code : t.name)
                .orElse("of rank " + rank);
    }
}
