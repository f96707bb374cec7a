package io.rapport.loyalty.tier;

import io.rapport.loyalty.domain.TierWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The qualifying figures of tiers, set-based: one statement answers every (member, window) asked, the window's
 * bounds per {@link TierWindow}. Used by earning (its run's climbing members), the end-of-period review and the
 * single re-evaluation after a segment change, so all three read the same figure.
 */
@ApplicationScoped
public class TierStore {

    /** One figure to read: the member's EARN and REVERSE points, or their money when {@code spendBased}, in the window. */
    public record FigureQuery(UUID memberId, TierWindow window, boolean spendBased) {}

    /** The figures, in the order of {@code queries}. */
    public List<BigDecimal> figures(Connection c, List<FigureQuery> queries) throws SQLException {
        List<BigDecimal> figures = new ArrayList<>(queries.size());
        if (queries.isEmpty()) {
            return figures;
        }
        int n = queries.size();
        UUID[] members = new UUID[n];
        String[] from = new String[n];
        String[] to = new String[n];
        Boolean[] spend = new Boolean[n];
        for (int i = 0; i < n; i++) {
            FigureQuery q = queries.get(i);
            members[i] = q.memberId();
            from[i] = q.window().from().atOffset(ZoneOffset.UTC).toString();
            to[i] = q.window().to().atOffset(ZoneOffset.UTC).toString();
            spend[i] = q.spendBased();
            figures.add(BigDecimal.ZERO);
        }
        try (PreparedStatement ps =
                c.prepareStatement("select w.n, coalesce(sum(case when w.spend then coalesce(l.spend, 0)"
                        + " else l.points end), 0) from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::boolean[])"
                        + " with ordinality as w(member_id, from_at, to_at, spend, n)"
                        + " left join ledger_entry l on l.member_id = w.member_id and " + TierWindow.SQL_CONDITION
                        + " group by w.n")) {
            ps.setArray(1, c.createArrayOf("uuid", members));
            ps.setArray(2, c.createArrayOf("text", from));
            ps.setArray(3, c.createArrayOf("text", to));
            ps.setArray(4, c.createArrayOf("boolean", spend));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    figures.set(rs.getInt(1) - 1, rs.getBigDecimal(2));
                }
            }
        }
        return figures;
    }

    /** Each customer's {@code SCHEME:CLASS} labels. */
    public Map<UUID, Set<String>> classes(Connection c, Collection<UUID> customers) throws SQLException {
        Map<UUID, Set<String>> classes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select customer_id, scheme, class_label from customer_segment" + " where customer_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", customers.toArray(new UUID[0])));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    classes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(rs.getString(2) + ":" + rs.getString(3));
                }
            }
        }
        return classes;
    }
}
