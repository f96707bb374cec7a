package io.rapport.bench.faults;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what each service's own database holds for the harness's purchases (over JDBC, never through the services):
 * per purchase, how many times customer-service recorded it, loyalty earned on it (ledger entries of the harness's
 * programme and their points), segmentation counted it (applied facts) and engagement planned its follow-up; per
 * customer, segmentation's purchase count and revenue against customer-service's.
 */
final class Reconciler implements AutoCloseable {
    private final Stack stack;
    private final String programmeId;
    private Connection customer;
    private Connection loyalty;
    private Connection segmentation;
    private Connection engagement;

    Reconciler(Stack stack, String programmeId) {
        this.stack = stack;
        this.programmeId = programmeId;
    }

    /** Everything observed for the purchases, and the totals of their customers. */
    Observation observe(List<PurchaseLoad.Accepted> purchases) throws SQLException {
        try {
            return read(purchases);
        } catch (SQLException e) {
            close(); // a connection broken by a restart: the next call opens fresh ones
            throw e;
        }
    }

    private Observation read(List<PurchaseLoad.Accepted> purchases) throws SQLException {
        connect();
        String[] ids = purchases.stream().map(PurchaseLoad.Accepted::purchaseId).toArray(String[]::new);
        String[] keys =
                purchases.stream().map(p -> "purchase:" + p.purchaseId()).toArray(String[]::new);
        String[] customers = purchases.stream()
                .map(PurchaseLoad.Accepted::customerId)
                .distinct()
                .toArray(String[]::new);

        Map<String, Integer> recorded =
                counts(customer, "select id::text, 1 from purchase where id = any(?::uuid[])", ids);
        Map<String, Integer> earned = new HashMap<>();
        Map<String, Long> points = new HashMap<>();
        try (PreparedStatement q =
                loyalty.prepareStatement("select substr(source_key, 10), count(*), sum(points) from ledger_entry"
                        + " where programme_id = ?::uuid and source_key = any(?) group by source_key")) {
            q.setString(1, programmeId);
            q.setArray(2, loyalty.createArrayOf("text", keys));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    earned.put(rs.getString(1), rs.getInt(2));
                    points.put(rs.getString(1), rs.getLong(3));
                }
            }
        }
        Map<String, Integer> counted =
                counts(segmentation, "select substr(fact_key, 10), 1 from applied_fact where fact_key = any(?)", keys);
        Map<String, Integer> followedUp = counts(
                engagement,
                "select split_part(source_key, ':', 2), count(*) from contact"
                        + " where source_key like 'purchase:%' and customer_id = any(?::uuid[]) group by 1",
                customers);

        Map<String, Totals> customerTotals = totals(
                customer,
                "select customer_id::text, count(*), coalesce(sum(total), 0) from purchase"
                        + " where customer_id = any(?::uuid[]) group by 1",
                customers);
        Map<String, Totals> segmentationTotals = totals(
                segmentation,
                "select customer_id::text, coalesce(sum(purchases), 0),"
                        + " coalesce(sum(revenue), 0) from value_month where customer_id = any(?::uuid[]) group by 1",
                customers);
        return new Observation(recorded, earned, points, counted, followedUp, customerTotals, segmentationTotals);
    }

    /** Per-customer purchase count and money. */
    record Totals(long purchases, BigDecimal money) {}

    private static Map<String, Integer> counts(Connection db, String sql, String[] values) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("text", values);
            q.setArray(1, array);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                }
            }
        }
        return out;
    }

    private static Map<String, Totals> totals(Connection db, String sql, String[] customers) throws SQLException {
        Map<String, Totals> out = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, db.createArrayOf("text", customers));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Totals(rs.getLong(2), rs.getBigDecimal(3)));
                }
            }
        }
        return out;
    }

    private void connect() throws SQLException {
        if (customer == null) {
            customer = stack.database("customer");
            loyalty = stack.database("loyalty");
            segmentation = stack.database("segmentation");
            engagement = stack.database("engagement");
        }
    }

    @Override
    public void close() {
        for (Connection c : new Connection[] {customer, loyalty, segmentation, engagement}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException ignored) {
                // a broken connection is closed anyway
            }
        }
        customer = loyalty = segmentation = engagement = null;
    }
}
