package io.rapport.engagement.service;

import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.FollowUp;
import io.rapport.engagement.domain.FollowUpCustomer;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.PurchaseFact;
import io.rapport.engagement.domain.pressure.Adjustment;
import io.rapport.engagement.domain.pressure.CustomerContext;
import io.rapport.engagement.domain.pressure.PastContact;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The set-based reads and writes of purchase scheduling on the transaction's connection: one statement per kind of
 * row for a whole batch of purchases (arrays in, JDBC batches out), instead of about ten statements per purchase.
 */
final class FollowUpStore {
    private final Connection db;

    FollowUpStore(Connection db) {
        this.db = db;
    }

    /**
     * The customers as the rules see them. A customer engagement has not heard of yet gets a stub row first (as a
     * single event would), so a later registration completes it.
     */
    Map<UUID, FollowUpCustomer> customers(Collection<UUID> ids, Instant now) throws SQLException {
        Array idArray = db.createArrayOf("uuid", ids.toArray());
        try (PreparedStatement stubs = db.prepareStatement("insert into customer_profile (customer_id, updated_at)"
                + " select unnest(?::uuid[]), ? on conflict do nothing")) {
            stubs.setArray(1, idArray);
            stubs.setObject(2, at(now));
            stubs.executeUpdate();
        }
        Set<UUID> complaining = new HashSet<>();
        try (PreparedStatement q =
                db.prepareStatement("select distinct customer_id from complaint where customer_id = any(?::uuid[])"
                        + " and state = 'OPEN'")) {
            q.setArray(1, idArray);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    complaining.add(rs.getObject(1, UUID.class));
                }
            }
        }
        Map<UUID, FollowUpCustomer> out = new HashMap<>();
        try (PreparedStatement q =
                db.prepareStatement("select customer_id, time_zone, owner_id, consent_phone, consent_email,"
                        + " consent_sms, consent_post, do_not_contact, level, value_score, merged_into, erased,"
                        + " channel_preference"
                        + " from customer_profile where customer_id = any(?::uuid[])")) {
            q.setArray(1, idArray);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    CustomerProfile p = new CustomerProfile();
                    p.customerId = rs.getObject(1, UUID.class);
                    p.timeZone = rs.getString(2);
                    p.ownerId = rs.getString(3);
                    p.consentPhone = bool(rs, 4);
                    p.consentEmail = bool(rs, 5);
                    p.consentSms = bool(rs, 6);
                    p.consentPost = bool(rs, 7);
                    p.doNotContact = rs.getBoolean(8);
                    p.level = Level.valueOf(rs.getString(9));
                    p.valueScore = rs.getBigDecimal(10);
                    p.mergedInto = rs.getObject(11, UUID.class);
                    p.erased = rs.getBoolean(12);
                    p.channelPreference = rs.getString(13);
                    CustomerContext context = p.context(complaining.contains(p.customerId));
                    out.put(
                            p.customerId,
                            new FollowUpCustomer(
                                    p.customerId, p.ownerId, p.valueScore, !p.erased && p.mergedInto == null, context));
                }
            }
        }
        return out;
    }

    /**
     * Remembers each customer's latest purchase (by purchase time; not mapped on {@link CustomerProfile}, so Hibernate
     * never writes it back stale). Needs the customers' rows (see {@link #customers}).
     */
    void rememberLastPurchases(List<PurchaseFact> purchases) throws SQLException {
        try (PreparedStatement u =
                db.prepareStatement("update customer_profile set last_purchase_id = ?, last_purchase_at = ?"
                        + " where customer_id = ? and (last_purchase_at is null or last_purchase_at <= ?)")) {
            for (PurchaseFact p : purchases) {
                u.setString(1, p.purchaseId());
                u.setObject(2, at(p.occurredAt()));
                u.setObject(3, p.customerId());
                u.setObject(4, at(p.occurredAt()));
                u.addBatch();
            }
            u.executeBatch();
        }
    }

    /** Which of the keys already have a contact. */
    Set<String> usedKeys(Collection<String> keys) throws SQLException {
        Set<String> used = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement("select source_key from contact where source_key = any(?)")) {
            q.setArray(1, db.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    used.add(rs.getString(1));
                }
            }
        }
        return used;
    }

    /** Per customer, the outbound contacts that count against the caps since {@code from} ({@link ContactTimeline}). */
    Map<UUID, List<PastContact>> timelines(Collection<UUID> customers, Instant from) throws SQLException {
        return ContactTimeline.read(db, customers, from, List.of());
    }

    /** Inserts the contacts and their adjustments (why each was moved, paused, blocked or expired). */
    void insert(List<FollowUp> followUps, Instant now) throws SQLException {
        try (PreparedStatement c = db.prepareStatement(
                "insert into contact (id, customer_id, plan_id, source_key, channel, purpose,"
                        + " state, requested_at, due_at, expires_at, paused_reason, assignee_id, customer_value, outcome, created_by,"
                        + " created_at, closed_at, escalated_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (FollowUp f : followUps) {
                c.setObject(1, f.contactId());
                c.setObject(2, f.customerId());
                c.setObject(3, f.planId());
                c.setString(4, f.sourceKey());
                c.setString(5, f.request().channel().name());
                c.setString(6, f.request().purpose().name());
                c.setString(7, f.state().name());
                c.setObject(8, at(f.request().requestedAt()));
                c.setObject(9, at(f.dueAt()));
                c.setObject(10, at(f.expiresAt()));
                c.setString(11, f.pausedReason());
                c.setString(12, f.assigneeId());
                c.setBigDecimal(13, f.customerValue());
                c.setString(14, f.outcome());
                c.setString(15, f.createdBy());
                c.setObject(16, at(now));
                c.setObject(17, f.closed() ? at(now) : null, Types.TIMESTAMP_WITH_TIMEZONE);
                c.setString(18, f.escalatedReason());
                c.addBatch();
            }
            c.executeBatch();
        }
        try (PreparedStatement a =
                db.prepareStatement("insert into contact_adjustment (id, contact_id, customer_id, rule, reason,"
                        + " requested_at, placed_at, outcome, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (FollowUp f : followUps) {
                for (Adjustment adj : f.adjustments()) {
                    a.setObject(1, UUID.randomUUID());
                    a.setObject(2, f.contactId());
                    a.setObject(3, f.customerId());
                    a.setString(4, adj.rule().name());
                    a.setString(5, adj.reason());
                    a.setObject(6, at(f.request().requestedAt()));
                    a.setObject(
                            7,
                            f.placement().scheduled() ? at(f.placement().at()) : null,
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    a.setString(8, f.placement().outcome().name());
                    a.setObject(9, at(now));
                    a.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                a.executeBatch();
            }
        }
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean b = rs.getBoolean(column);
        return rs.wasNull() ? null : b;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
