package io.rapport.engagement.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.TestClock;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.pressure.PastContact;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contact timeline the frequency caps count is one query ({@link ContactTimeline}) on a real PostgreSQL: open and
 * not paused contacts at their due time, made or missed ones when they were closed, outbound interactions logged
 * without a contact (a CALL on PHONE), nothing older than the look-back, no cancelled, paused, inbound or excluded
 * row; the single-contact path ({@link ContactScheduler#timeline}) and the purchase batch read the same rows.
 */
@QuarkusTest
class ContactTimelineIT {
    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

    @Inject
    AgroalDataSource ds;

    @Inject
    TestClock clock;

    @Inject
    ContactScheduler scheduler;

    @Test
    void countsOpenMadeAndLoggedOutboundContactsOnlyAndBothPathsAgree() throws SQLException {
        clock.set(NOW);
        UUID customer = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID excluded = UUID.randomUUID();
        try (Connection db = ds.getConnection()) {
            contact(db, customer, "PLANNED", "EMAIL", "2026-05-06T10:00:00Z", null, null, null);
            contact(db, customer, "DUE", "PHONE", "2026-05-04T09:00:00Z", null, null, null);
            contact(db, customer, "DONE", "SMS", "2026-05-01T10:00:00Z", "2026-05-02T12:00:00Z", null, null);
            contact(db, customer, "MISSED", "PHONE", "2026-04-20T10:00:00Z", "2026-04-21T15:00:00Z", null, null);
            // not counted: cancelled, expired, paused, closed before the look-back, excluded
            contact(db, customer, "CANCELLED", "EMAIL", "2026-05-05T10:00:00Z", "2026-05-03T10:00:00Z", null, null);
            contact(db, customer, "EXPIRED", "EMAIL", "2026-05-05T10:00:00Z", "2026-05-03T10:00:00Z", null, null);
            contact(db, customer, "PLANNED", "SMS", "2026-05-07T10:00:00Z", null, "complaint open", null);
            contact(db, customer, "DONE", "EMAIL", "2025-12-01T10:00:00Z", "2025-12-02T10:00:00Z", null, null);
            contact(db, customer, "PLANNED", "PHONE", "2026-05-08T10:00:00Z", null, null, excluded);
            contact(db, other, "PLANNED", "EMAIL", "2026-05-05T10:00:00Z", null, null, null);
            interaction(db, customer, "OUTBOUND", "CALL", "2026-04-30T11:00:00Z", null);
            interaction(db, customer, "OUTBOUND", "SMS", "2026-04-29T11:00:00Z", null);
            // not counted: made for a contact (the contact counts), inbound, before the look-back
            interaction(db, customer, "OUTBOUND", "EMAIL", "2026-04-28T11:00:00Z", UUID.randomUUID());
            interaction(db, customer, "INBOUND", "CALL", "2026-04-27T11:00:00Z", null);
            interaction(db, customer, "OUTBOUND", "CALL", "2025-12-30T11:00:00Z", null);

            Map<UUID, List<PastContact>> batch = ContactTimeline.read(
                    db, List.of(customer, other), NOW.minus(ContactScheduler.LOOK_BACK), List.of(excluded));

            assertThat(batch.get(customer))
                    .containsExactlyInAnyOrder(
                            past("2026-05-06T10:00:00Z", Channel.EMAIL),
                            past("2026-05-04T09:00:00Z", Channel.PHONE),
                            past("2026-05-02T12:00:00Z", Channel.SMS),
                            past("2026-04-21T15:00:00Z", Channel.PHONE),
                            past("2026-04-30T11:00:00Z", Channel.PHONE),
                            past("2026-04-29T11:00:00Z", Channel.SMS));
            assertThat(batch.get(other)).containsExactly(past("2026-05-05T10:00:00Z", Channel.EMAIL));

            List<PastContact> single =
                    QuarkusTransaction.requiringNew().call(() -> scheduler.timeline(customer, List.of(excluded)));
            assertThat(single).containsExactlyInAnyOrderElementsOf(batch.get(customer));
            assertThat(QuarkusTransaction.requiringNew().call(() -> scheduler.timeline(UUID.randomUUID(), List.of())))
                    .isEmpty();
        }
    }

    private static PastContact past(String at, Channel channel) {
        return new PastContact(Instant.parse(at), channel);
    }

    private static void contact(
            Connection db,
            UUID customer,
            String state,
            String channel,
            String due,
            String closed,
            String paused,
            UUID id)
            throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into contact (id, customer_id, channel, purpose, state,"
                + " requested_at, due_at, expires_at, paused_reason, created_by, created_at, closed_at)"
                + " values (?, ?, ?, 'CHECK_IN', ?, ?, ?, ?, ?, 'test', ?, ?)")) {
            Instant dueAt = Instant.parse(due);
            ps.setObject(1, id == null ? UUID.randomUUID() : id);
            ps.setObject(2, customer);
            ps.setString(3, channel);
            ps.setString(4, state);
            ps.setObject(5, dueAt.atOffset(ZoneOffset.UTC));
            ps.setObject(6, dueAt.atOffset(ZoneOffset.UTC));
            ps.setObject(7, dueAt.plusSeconds(30 * 86_400L).atOffset(ZoneOffset.UTC));
            ps.setString(8, paused);
            ps.setObject(9, NOW.atOffset(ZoneOffset.UTC));
            ps.setObject(
                    10,
                    closed == null ? null : Instant.parse(closed).atOffset(ZoneOffset.UTC),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            ps.executeUpdate();
        }
    }

    private static void interaction(
            Connection db, UUID customer, String direction, String kind, String at, UUID contactId)
            throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into interaction (id, customer_id, direction, kind,"
                + " occurred_at, contact_id, recorded_by) values (?, ?, ?, ?, ?, ?, 'test')")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, customer);
            ps.setString(3, direction);
            ps.setString(4, kind);
            ps.setObject(5, Instant.parse(at).atOffset(ZoneOffset.UTC));
            ps.setObject(6, contactId);
            ps.executeUpdate();
        }
    }
}
