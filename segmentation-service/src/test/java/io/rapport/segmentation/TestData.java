package io.rapport.segmentation;

import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.profile.WindowTotals;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Direct inserts of value facts for tests of the set-based SQL. {@link #reset()} empties profiles, facts,
 * classes, runs and policies (back to the defaults) but keeps applied fact keys and the inbox, so records
 * left on the topics by earlier test classes are never counted again.
 */
@ApplicationScoped
public class TestData {
    private final Db db;
    private final WindowTotals totals;

    public TestData(Db db, WindowTotals totals) {
        this.db = db;
        this.totals = totals;
    }

    /** Empties the tables (see above) and brings the kept window totals back to the configured window. */
    public void reset() {
        db.update(
                "truncate customer_profile, value_month, category_month, sku_month, customer_segment, segment_change, segment_run");
        db.update("delete from run_event_job");
        db.update("delete from rapport_outbox");
        db.update("delete from segment_policy where version > 1");
        db.update("update segment_policy set active = true");
        totals.current();
    }

    public static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", n));
    }

    public static LocalDate thisMonth() {
        return YearMonth.now(ZoneOffset.UTC).atDay(1);
    }

    public void customer(UUID id, BigDecimal wallet, boolean target) {
        db.update(
                "insert into customer_profile (customer_id, wallet, target) values (?, ?, ?)"
                        + " on conflict (customer_id) do update set wallet = excluded.wallet, target = excluded.target",
                id,
                wallet,
                target);
    }

    /** Adds one month of facts (this month unless given). */
    public void month(
            UUID id,
            LocalDate month,
            String revenue,
            String cogs,
            String refunds,
            String costToServe,
            int purchases,
            int complaints) {
        db.update(
                "insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                month,
                new BigDecimal(revenue),
                new BigDecimal(cogs),
                new BigDecimal(refunds),
                new BigDecimal(costToServe),
                purchases,
                complaints);
    }

    /**
     * Many customers at once, one statement each for the profiles and this month's facts (wallet may hold nulls).
     */
    public void customers(
            List<UUID> ids,
            List<BigDecimal> wallets,
            List<BigDecimal> revenue,
            List<BigDecimal> cogs,
            List<BigDecimal> refunds,
            List<BigDecimal> costToServe) {
        db.update(
                "insert into customer_profile (customer_id, wallet) select * from unnest(?::uuid[], ?::numeric[])",
                ids.toArray(UUID[]::new),
                wallets.toArray(BigDecimal[]::new));
        db.update(
                "insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases)"
                        + " select id, ?, r, c, f, s, 1 from unnest(?::uuid[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])"
                        + " as u(id, r, c, f, s)",
                thisMonth(),
                ids.toArray(UUID[]::new),
                revenue.toArray(BigDecimal[]::new),
                cogs.toArray(BigDecimal[]::new),
                refunds.toArray(BigDecimal[]::new),
                costToServe.toArray(BigDecimal[]::new));
    }

    /** Every stored class of a scheme. */
    public Map<UUID, String> classes(String scheme) {
        Map<UUID, String> out = new HashMap<>();
        db.list(
                "select customer_id, class_label from customer_segment where scheme = ?",
                rs -> out.put(rs.getObject(1, UUID.class), rs.getString(2)),
                scheme);
        return out;
    }

    public void revenue(UUID id, BigDecimal revenue) {
        customer(id, null, false);
        db.update(
                "insert into value_month (customer_id, month, revenue, purchases) values (?, ?, ?, 1)",
                id,
                thisMonth(),
                revenue);
    }

    public void category(UUID id, String category) {
        db.update(
                "insert into category_month (customer_id, month, category, purchases) values (?, ?, ?, 1)",
                id,
                thisMonth(),
                category);
    }

    public void sku(UUID id, String sku) {
        db.update(
                "insert into sku_month (customer_id, month, sku, purchases) values (?, ?, ?, 1)", id, thisMonth(), sku);
    }

    public void markErased(UUID id) {
        db.update("update customer_profile set erased = true where customer_id = ?", id);
    }

    public String classOf(UUID id, String scheme) {
        return db.one(
                        "select class_label from customer_segment where customer_id = ? and scheme = ?",
                        rs -> rs.getString(1),
                        id,
                        scheme)
                .orElse(null);
    }

    /**
     * Profiles whose kept window totals (w_*) differ from the sums of their month facts from the stored window start
     * on (value_window): zero when the value_month triggers and the window moves kept them right.
     */
    public long windowTotalsWrong() {
        return db.count("""
                select count(*) from customer_profile p
                  left join (select customer_id, sum(revenue) as revenue, sum(cogs) as cogs, sum(refunds) as refunds,
                                    sum(cost_to_serve) as cost_to_serve, sum(purchases) as purchases
                               from value_month where month >= (select window_start from value_window)
                              group by customer_id) f on f.customer_id = p.customer_id
                 where (p.w_revenue, p.w_cogs, p.w_refunds, p.w_cost_to_serve, p.w_purchases)
                       is distinct from (coalesce(f.revenue, 0), coalesce(f.cogs, 0), coalesce(f.refunds, 0),
                                         coalesce(f.cost_to_serve, 0), coalesce(f.purchases, 0))
                """);
    }

    /** Waits until every run's events are in the outbox (RunEvents writes them right after the run, on its own thread). */
    public void awaitRunEvents() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> db.count("select count(*) from run_event_job") == 0);
    }

    /** The first column of every row, as text. */
    public List<String> lines(String sql, Object... params) {
        return db.list(sql, rs -> rs.getString(1), params);
    }

    public String text(String sql, Object... params) {
        return db.one(sql, rs -> rs.getString(1), params).orElse(null);
    }

    public long count(String sql, Object... params) {
        return db.count(sql, params);
    }
}
