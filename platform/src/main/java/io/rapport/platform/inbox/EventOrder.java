package io.rapport.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps projections from going back in time. Events carry their subject's sequence at their source
 * ({@link IncomingEvent#sequence()}); a projection asks {@link #isNewest} before it applies a state event and skips
 * the event when it already applied a later one of the same subject and source (a replay, a redrive, a re-sent relay
 * batch). The last applied number is kept per projection, subject and source in {@code rapport_projection_sequence},
 * in the caller's transaction.
 */
@ApplicationScoped
public class EventOrder {
    private final EntityManager em;

    public EventOrder(EntityManager em) {
        this.em = em;
    }

    /**
     * Records {@code event} as the last one applied to {@code projection} for its subject, unless a later one was.
     * Events without a sequence (published before sequences existed) are always applied.
     *
     * @param projection the projection's name; events of one subject that change independent state (one segmentation
     *        scheme and another) use different names
     * @return true when the event is newer than anything applied before (apply it), false when it is stale (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isNewest(String projection, IncomingEvent event) {
        if (event.sequence() == null || event.subject() == null) {
            return true;
        }
        return em.createNativeQuery(
                                "insert into rapport_projection_sequence as p (projection, subject, source, last_sequence)"
                                        + " values (?1, ?2, ?3, ?4) on conflict (projection, subject, source)"
                                        + " do update set last_sequence = excluded.last_sequence where p.last_sequence < excluded.last_sequence")
                        .setParameter(1, projection)
                        .setParameter(2, event.subject())
                        .setParameter(3, event.source() == null ? "" : event.source())
                        .setParameter(4, event.sequence())
                        .executeUpdate()
                == 1;
    }
}
