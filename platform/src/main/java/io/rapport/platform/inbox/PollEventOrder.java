package io.rapport.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * {@link EventOrder}'s rule for a whole poll at once: which of the poll's events are newer than what the projection
 * applied, with three statements per poll instead of one upsert per event. The rule is the same: an event with a
 * sequence and a subject is applied when its sequence is greater than the last one applied for its subject and source,
 * counting the events before it in the poll (two updates of one customer in one poll: the later sequence wins, an older
 * one after it is skipped); an event without sequence or subject is always applied. The numbers are kept in the same
 * table ({@code rapport_projection_sequence}), in the caller's transaction, and the rows are locked (created first when
 * missing) so that a redrive of the same subject waits for the poll, as with {@link EventOrder}.
 */
@ApplicationScoped
public class PollEventOrder {
    /** Below every real sequence: a row created only to be locked, raised to the poll's last sequence before commit. */
    private static final long NONE = Long.MIN_VALUE;

    private record Key(String subject, String source) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = subject.compareTo(o.subject);
            return c != 0 ? c : source.compareTo(o.source);
        }
    }

    private final EntityManager em;

    public PollEventOrder(EntityManager em) {
        this.em = em;
    }

    /** The events of {@code events} (in poll order) to apply to {@code projection}; records them as applied. */
    public Set<IncomingEvent> newest(String projection, List<IncomingEvent> events) {
        Set<IncomingEvent> newest = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Key, List<IncomingEvent>> bySubject = new TreeMap<>(); // sorted: rows are locked in one order
        for (IncomingEvent e : events) {
            if (e.sequence() == null || e.subject() == null) {
                newest.add(e);
            } else {
                bySubject
                        .computeIfAbsent(
                                new Key(e.subject(), e.source() == null ? "" : e.source()), k -> new ArrayList<>())
                        .add(e);
            }
        }
        if (bySubject.isEmpty()) {
            return newest;
        }
        em.unwrap(Session.class).doWork(db -> {
            Map<Key, Long> applied = lock(db, projection, List.copyOf(bySubject.keySet()));
            List<Key> raised = new ArrayList<>();
            List<Long> to = new ArrayList<>();
            bySubject.forEach((key, ofSubject) -> {
                long last = applied.getOrDefault(key, NONE);
                long before = last;
                for (IncomingEvent e : ofSubject) {
                    if (e.sequence() > last) {
                        newest.add(e);
                        last = e.sequence();
                    }
                }
                if (last > before) {
                    raised.add(key);
                    to.add(last);
                }
            });
            raise(db, projection, raised, to);
        });
        return newest;
    }

    /** Creates the missing rows, then locks every row of {@code keys}; answers the last applied sequence of each. */
    private static Map<Key, Long> lock(Connection db, String projection, List<Key> keys) throws SQLException {
        Array subjects =
                db.createArrayOf("text", keys.stream().map(Key::subject).toArray());
        Array sources = db.createArrayOf("text", keys.stream().map(Key::source).toArray());
        try (PreparedStatement insert =
                db.prepareStatement("insert into rapport_projection_sequence (projection, subject,"
                        + " source, last_sequence) select ?, k.s, k.src, ? from unnest(?::text[], ?::text[]) as k(s, src)"
                        + " on conflict do nothing")) {
            insert.setString(1, projection);
            insert.setLong(2, NONE);
            insert.setArray(3, subjects);
            insert.setArray(4, sources);
            insert.executeUpdate();
        }
        Map<Key, Long> applied = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement(
                "select p.subject, p.source, p.last_sequence"
                        + " from rapport_projection_sequence p join unnest(?::text[], ?::text[]) as k(s, src)"
                        + " on p.subject = k.s and p.source = k.src where p.projection = ? order by p.subject, p.source for update of p")) {
            select.setArray(1, subjects);
            select.setArray(2, sources);
            select.setString(3, projection);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    applied.put(new Key(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return applied;
    }

    private static void raise(Connection db, String projection, List<Key> keys, List<Long> to) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement(
                "update rapport_projection_sequence p set last_sequence = k.n"
                        + " from unnest(?::text[], ?::text[], ?::bigint[]) as k(s, src, n)"
                        + " where p.projection = ? and p.subject = k.s and p.source = k.src and p.last_sequence < k.n")) {
            update.setArray(
                    1, db.createArrayOf("text", keys.stream().map(Key::subject).toArray()));
            update.setArray(
                    2, db.createArrayOf("text", keys.stream().map(Key::source).toArray()));
            update.setArray(3, db.createArrayOf("bigint", to.toArray()));
            update.setString(4, projection);
            update.executeUpdate();
        }
    }
}
