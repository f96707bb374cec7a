package io.rapport.engagement.service;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.pressure.PastContact;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one query of the contact timeline the frequency caps count: per customer, the outbound contacts since
 * {@code from} that are open and not paused (PLANNED, DUE: at their due time) or made or attempted (DONE, MISSED: when
 * they were closed), plus outbound interactions logged by hand without a contact (at when they happened; a CALL
 * counts on the PHONE channel). Contacts in {@code excluded} (the one being placed, the ones still to be placed again)
 * are left out. Both the single-contact path ({@link ContactScheduler#timeline}) and the purchase batch
 * ({@link FollowUpStore#timelines}) read it here.
 */
final class ContactTimeline {
    private static final String SQL = """
            select customer_id, coalesce(case when state in ('DONE', 'MISSED') then closed_at end, due_at), channel, id
              from contact
             where customer_id = any(?::uuid[]) and state in ('PLANNED', 'DUE', 'DONE', 'MISSED') and paused_reason is null
               and coalesce(closed_at, due_at) >= ?
            union all
            select customer_id, occurred_at, case kind when 'CALL' then 'PHONE' else kind end, null
              from interaction
             where customer_id = any(?::uuid[]) and direction = 'OUTBOUND' and contact_id is null and occurred_at >= ?
            """;

    private ContactTimeline() {}

    /** Per customer (missing: none), the outbound contacts that count against the caps since {@code from}. */
    static Map<UUID, List<PastContact>> read(
            Connection db, Collection<UUID> customers, Instant from, Collection<UUID> excluded) throws SQLException {
        Map<UUID, List<PastContact>> out = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(SQL)) {
            Array ids = db.createArrayOf("uuid", customers.toArray());
            OffsetDateTime since = from.atOffset(ZoneOffset.UTC);
            q.setArray(1, ids);
            q.setObject(2, since);
            q.setArray(3, ids);
            q.setObject(4, since);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID contactId = rs.getObject(4, UUID.class);
                    if (contactId != null && excluded.contains(contactId)) {
                        continue;
                    }
                    out.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new PastContact(
                                    rs.getObject(2, OffsetDateTime.class).toInstant(), channel(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /** A stored channel name; an interaction kind that is no contact channel counts as PHONE. */
    static Channel channel(String s) {
        try {
            return Channel.valueOf(s);
        } catch (RuntimeException e) {
            return Channel.PHONE;
        }
    }
}
