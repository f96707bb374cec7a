package io.rapport.segmentation.messaging;

import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link EventOrder}'s rule for the state events of a whole poll in ONE statement (instead of one upsert per event), in
 * the same table ({@code rapport_projection_sequence}) and the caller's transaction. A state event carries its
 * subject's whole state, so of the poll's events of one subject and source only the one with the highest sequence can
 * matter: it is applied when its sequence is above the last one applied (and recorded as the last), the others are
 * skipped (stale, or superseded inside the poll). An event without a sequence or subject is always applied.
 */
@ApplicationScoped
public class SnapshotOrder {
    private record Key(String subject, String source) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = subject.compareTo(o.subject);
            return c != 0 ? c : source.compareTo(o.source);
        }
    }

    private final Db db;

    public SnapshotOrder(Db db) {
        this.db = db;
    }

    /** The events of {@code events} to apply to {@code projection}, in poll order; records them as applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IncomingEvent> newest(String projection, List<IncomingEvent> events) {
        Map<Key, IncomingEvent> highest = new TreeMap<>(); // sorted: rows are locked in one order
        for (IncomingEvent e : events) {
            if (e.sequence() != null && e.subject() != null) {
                highest.merge(
                        new Key(e.subject(), e.source() == null ? "" : e.source()),
                        e,
                        (a, b) -> b.sequence() >= a.sequence() ? b : a);
            }
        }
        Set<Key> raised = new HashSet<>();
        if (!highest.isEmpty()) {
            db.list(
                    "insert into rapport_projection_sequence as p (projection, subject, source, last_sequence)"
                            + " select ?, k.s, k.src, k.n from unnest(?::text[], ?::text[], ?::bigint[]) as k(s, src, n)"
                            + " on conflict (projection, subject, source) do update set last_sequence = excluded.last_sequence"
                            + " where p.last_sequence < excluded.last_sequence returning p.subject, p.source",
                    rs -> raised.add(new Key(rs.getString(1), rs.getString(2))),
                    projection,
                    highest.keySet().stream().map(Key::subject).toArray(String[]::new),
                    highest.keySet().stream().map(Key::source).toArray(String[]::new),
                    highest.values().stream().map(IncomingEvent::sequence).toArray(Long[]::new));
        }
        List<IncomingEvent> newest = new ArrayList<>();
        for (IncomingEvent e : events) {
            if (e.sequence() == null || e.subject() == null) {
                newest.add(e);
            } else {
                Key key = new Key(e.subject(), e.source() == null ? "" : e.source());
                if (raised.contains(key) && highest.get(key) == e) {
                    newest.add(e);
                }
            }
        }
        return newest;
    }
}
