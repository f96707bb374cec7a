package io.rapport.loyalty.earning;

import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.loyalty.earning.EarnBatch.Credit;
import io.rapport.loyalty.earning.EarnBatch.MemberState;
import io.rapport.loyalty.earning.EarnBatch.Upgrade;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The load and store steps of {@link EarningPipeline}: each reads or writes a whole run in one round trip
 * (arrays through {@code unnest}, or one JDBC batch, which {@code reWriteBatchedInserts} turns into multi-row inserts).
 */
@ApplicationScoped
public class EarningStore {

    /** A locked active membership. */
    public record MemberRow(
            UUID id,
            UUID programmeId,
            UUID customerId,
            String tierCode,
            int tierRank,
            long balance,
            long debt,
            Instant enrolledAt) {}

    /** Inserts the purchase facts not known yet; answers the ids inserted now. */
    Set<UUID> insertFacts(Connection c, List<PurchaseRecorded> events) throws SQLException {
        int n = events.size();
        String[] ids = new String[n];
        String[] customers = new String[n];
        String[] times = new String[n];
        String[] currencies = new String[n];
        String[] totals = new String[n];
        for (int i = 0; i < n; i++) {
            PurchaseRecorded e = events.get(i);
            ids[i] = e.purchaseId();
            customers[i] = e.customerId();
            times[i] = e.occurredAt().toString();
            currencies[i] = e.currency();
            totals[i] = new BigDecimal(e.total()).toPlainString();
        }
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into purchase_fact (purchase_id, customer_id, occurred_at, currency,"
                        + " total, refunded) select u.id::uuid, u.customer::uuid, u.at::timestamptz, u.currency, u.total::numeric, 0"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality"
                        + " as u(id, customer, at, currency, total, n) order by u.n on conflict do nothing returning purchase_id")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("text", customers));
            ps.setArray(3, c.createArrayOf("text", times));
            ps.setArray(4, c.createArrayOf("text", currencies));
            ps.setArray(5, c.createArrayOf("text", totals));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    /** The active memberships of the customers, locked until the transaction ends (in id order, as every locker does). */
    List<MemberRow> lockMembers(Connection c, Collection<UUID> customers) throws SQLException {
        List<MemberRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, programme_id, customer_id, tier_code, tier_rank, points_balance,"
                        + " points_debt, enrolled_at from member where customer_id = any(?) and status = 'ACTIVE' order by id for update")) {
            ps.setArray(1, uuids(c, customers));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new MemberRow(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return rows;
    }

    /** The customers among these with a PENDING referral as newcomer. */
    Set<UUID> pendingReferrals(Connection c, Collection<UUID> customers) throws SQLException {
        Set<UUID> pending = new HashSet<>();
        if (customers.isEmpty()) {
            return pending;
        }
        try (PreparedStatement ps = c.prepareStatement("select distinct newcomer_customer_id from referral"
                + " where newcomer_customer_id = any(?) and status = 'PENDING'")) {
            ps.setArray(1, uuids(c, customers));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return pending;
    }

    /** One EARN ledger entry and one points lot per credit. */
    void insertCredits(Connection c, List<Credit> credits, Instant now) throws SQLException {
        if (credits.isEmpty()) {
            return;
        }
        OffsetDateTime created = utc(now);
        try (PreparedStatement entry =
                        c.prepareStatement("insert into ledger_entry (id, programme_id, member_id, kind, points,"
                                + " spend, reason, source, source_key, related_key, partner_id, occurred_at, created_at)"
                                + " values (?, ?, ?, 'EARN', ?, ?, ?, 'PURCHASE', ?, ?, null, ?, ?)");
                PreparedStatement lot =
                        c.prepareStatement("insert into points_lot (entry_id, member_id, earned_at, expires_at,"
                                + " remaining) values (?, ?, ?, ?, ?)")) {
            for (Credit cr : credits) {
                OffsetDateTime at = utc(cr.purchase().occurredAt());
                entry.setObject(1, cr.entryId());
                entry.setObject(2, cr.member().programmeId());
                entry.setObject(3, cr.member().id());
                entry.setLong(4, cr.earn().points());
                entry.setBigDecimal(5, cr.earn().spend());
                entry.setString(6, cr.reason());
                entry.setString(7, cr.purchase().key());
                entry.setString(8, cr.purchase().key());
                entry.setObject(9, at);
                entry.setObject(10, created);
                entry.addBatch();
                lot.setObject(1, cr.entryId());
                lot.setObject(2, cr.member().id());
                lot.setObject(3, at);
                if (cr.expiresAt() == null) {
                    lot.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    lot.setObject(4, utc(cr.expiresAt()));
                }
                lot.setLong(5, cr.lotRemaining());
                lot.addBatch();
            }
            entry.executeBatch();
            lot.executeBatch();
        }
    }

    /** The tier history lines of the upgrades. */
    void insertTierChanges(Connection c, List<Upgrade> upgrades) throws SQLException {
        if (upgrades.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("insert into tier_change (id, member_id, from_tier, to_tier, direction, reason,"
                        + " changed_at) values (?, ?, ?, ?, 'UP', ?, ?)")) {
            for (Upgrade u : upgrades) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, u.member().id());
                ps.setString(3, u.fromTier());
                ps.setString(4, u.toTier());
                ps.setString(5, u.reason());
                ps.setObject(6, utc(u.at()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Writes the members' new balances and tiers in one statement. */
    void updateMembers(Connection c, List<MemberState> members) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        int n = members.size();
        UUID[] ids = new UUID[n];
        Long[] balances = new Long[n];
        Long[] debts = new Long[n];
        String[] tiers = new String[n];
        Integer[] ranks = new Integer[n];
        for (int i = 0; i < n; i++) {
            MemberState m = members.get(i);
            ids[i] = m.id();
            balances[i] = m.balance();
            debts[i] = m.debt();
            tiers[i] = m.tierCode();
            ranks[i] = m.tierRank();
        }
        try (PreparedStatement ps =
                c.prepareStatement("update member m set points_balance = u.balance, points_debt = u.debt,"
                        + " tier_code = u.tier, tier_rank = u.rank from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::text[], ?::integer[])"
                        + " as u(id, balance, debt, tier, rank)"
                        + " where m.id = u.id")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("bigint", balances));
            ps.setArray(3, c.createArrayOf("bigint", debts));
            ps.setArray(4, c.createArrayOf("text", tiers));
            ps.setArray(5, c.createArrayOf("integer", ranks));
            ps.executeUpdate();
        }
    }

    private static Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray(new UUID[0]));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
