package io.rapport.segmentation.reporting;

import io.rapport.platform.persistence.Db;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.segmentation.domain.Decimals;
import io.rapport.segmentation.profile.WindowTotals;
import io.rapport.segmentation.profile.Windows;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The differentiation worksheet lists, each one set-based query: window figures per live customer (not merged, not
 * erased), their classes, complaints of the last 12 months, distinct categories in the window and revenue of the 12
 * months before; a filter, a checked sort (ties by customer id) and a page. The total comes from a window count.
 * When the window totals kept on the profiles cover the configured window (see WindowTotals) and neither the filter
 * nor the sort needs the previous year's revenue (previousRevenue, change), the page is found from the kept totals
 * and the complaints of the month rows that have some (partial index value_month_complaints), and only the page's
 * rows' revenue by year is summed ({@link #KEPT}: about a second at 1,000,000 customers instead of summing every month
 * fact of every customer, as {@link #BASE} does for last year's top customers).
 */
@ApplicationScoped
public class WorksheetQuery {
    /** API sort field to SQL column, shared by every list. */
    public static final Map<String, String> SORTABLE = Map.ofEntries(
            Map.entry("customerId", "customer_id"),
            Map.entry("revenue", "revenue"),
            Map.entry("refunds", "refunds"),
            Map.entry("netRevenue", "net_revenue"),
            Map.entry("grossMargin", "gross_margin"),
            Map.entry("costToServe", "cost_to_serve"),
            Map.entry("profit", "profit"),
            Map.entry("purchases", "purchases"),
            Map.entry("categories", "categories"),
            Map.entry("complaints", "complaints"),
            Map.entry("wallet", "wallet"),
            Map.entry("shareOfWallet", "share_of_wallet"),
            Map.entry("potential", "potential"),
            Map.entry("previousRevenue", "previous_revenue"),
            Map.entry("change", "change"),
            Map.entry("revenueRank", "revenue_rank"));

    /** Columns only the month facts give: a filter or sort on them needs {@link #BASE}. */
    private static final List<String> FROM_MONTHS = List.of("previous_revenue", "change", "b b2");

    private static final String BASE = """
            with w as (select customer_id, sum(revenue) filter (where month >= ?) as revenue,
                              sum(refunds) filter (where month >= ?) as refunds,
                              sum(cogs) filter (where month >= ?) as cogs,
                              sum(cost_to_serve) filter (where month >= ?) as cost_to_serve,
                              sum(purchases) filter (where month >= ?) as purchases,
                              sum(complaints) filter (where month >= ?) as complaints,
                              sum(net_revenue(revenue, refunds)) filter (where month >= ?) as year_revenue,
                              sum(net_revenue(revenue, refunds)) filter (where month >= ? and month < ?) as previous_revenue
                         from value_month where month >= least(?::date, ?::date) group by customer_id),
                 c as (select customer_id, count(distinct category) as categories from category_month where month >= ?
                        group by customer_id),
                 b as (select p.customer_id, a.class_label as abc_class, v.class_label as value_class,
                              coalesce(w.revenue, 0) as revenue, coalesce(w.refunds, 0) as refunds,
                              net_revenue(coalesce(w.revenue, 0), coalesce(w.refunds, 0)) as net_revenue,
                              gross_margin(coalesce(w.revenue, 0), coalesce(w.cogs, 0), coalesce(w.refunds, 0)) as gross_margin,
                              coalesce(w.cost_to_serve, 0) as cost_to_serve,
                              profit(coalesce(w.revenue, 0), coalesce(w.cogs, 0), coalesce(w.refunds, 0),
                                     coalesce(w.cost_to_serve, 0)) as profit,
                              coalesce(w.purchases, 0) as purchases, coalesce(c.categories, 0) as categories,
                              coalesce(w.complaints, 0) as complaints, p.wallet,
                              share_of_wallet(coalesce(w.revenue, 0), coalesce(w.refunds, 0), p.wallet) as share_of_wallet,
                              potential(p.wallet, coalesce(w.revenue, 0), coalesce(w.refunds, 0)) as potential, p.target,
                              row_number() over (order by net_revenue(coalesce(w.revenue, 0), coalesce(w.refunds, 0)) desc,
                                                          p.customer_id) as revenue_rank, count(*) over () as live,
                              coalesce(w.previous_revenue, 0) as previous_revenue,
                              coalesce(w.year_revenue, 0) - coalesce(w.previous_revenue, 0) as change
                         from customer_profile p
                         left join w on w.customer_id = p.customer_id
                         left join c on c.customer_id = p.customer_id
                         left join customer_segment a on a.customer_id = p.customer_id and a.scheme = 'ABC'
                         left join customer_segment v on v.customer_id = p.customer_id and v.scheme = 'VALUE'
                        where p.merged_into is null and not p.erased)
            select b.*, count(*) over () as total from b where %s order by %s %s nulls last, customer_id limit ? offset ?
            """;

    /**
     * The page from the kept totals and the complaints, then the revenue by year of its rows only. Parameters: window
     * (categories), year (complaints), the filter's, page size, offset, then year, previous, year, previous (the page
     * rows' month facts).
     */
    private static final String KEPT = """
            with c as (select customer_id, count(distinct category) as categories from category_month where month >= ?
                        group by customer_id),
                 k as (select customer_id, sum(complaints) as complaints from value_month where month >= ? and complaints > 0
                        group by customer_id),
                 b as (select p.customer_id, a.class_label as abc_class, v.class_label as value_class,
                              p.w_revenue as revenue, p.w_refunds as refunds, net_revenue(p.w_revenue, p.w_refunds) as net_revenue,
                              gross_margin(p.w_revenue, p.w_cogs, p.w_refunds) as gross_margin,
                              p.w_cost_to_serve as cost_to_serve,
                              profit(p.w_revenue, p.w_cogs, p.w_refunds, p.w_cost_to_serve) as profit,
                              p.w_purchases as purchases, coalesce(c.categories, 0) as categories,
                              coalesce(k.complaints, 0) as complaints, p.wallet,
                              share_of_wallet(p.w_revenue, p.w_refunds, p.wallet) as share_of_wallet,
                              potential(p.wallet, p.w_revenue, p.w_refunds) as potential, p.target,
                              row_number() over (order by net_revenue(p.w_revenue, p.w_refunds) desc, p.customer_id) as revenue_rank,
                              count(*) over () as live
                         from customer_profile p
                         left join c on c.customer_id = p.customer_id
                         left join k on k.customer_id = p.customer_id
                         left join customer_segment a on a.customer_id = p.customer_id and a.scheme = 'ABC'
                         left join customer_segment v on v.customer_id = p.customer_id and v.scheme = 'VALUE'
                        where p.merged_into is null and not p.erased),
                 page as (select b.*, count(*) over () as total from b where %1$s order by %2$s %3$s nulls last, customer_id
                          limit ? offset ?)
            select page.*, coalesce(h.previous_revenue, 0) as previous_revenue,
                   coalesce(h.year_revenue, 0) - coalesce(h.previous_revenue, 0) as change
              from page
              left join lateral (select sum(net_revenue(revenue, refunds)) filter (where month >= ?) as year_revenue,
                                        sum(net_revenue(revenue, refunds)) filter (where month >= ? and month < ?) as previous_revenue
                                   from value_month m where m.customer_id = page.customer_id and m.month >= ?) h on true
             order by page.%2$s %3$s nulls last, page.customer_id
            """;

    private final Windows windows;
    private final WindowTotals totals;
    private final Db db;

    public WorksheetQuery(Windows windows, WindowTotals totals, Db db) {
        this.windows = windows;
        this.totals = totals;
        this.db = db;
    }

    /**
     * @param filter SQL condition over the columns of {@link WorksheetRow} (snake case) with ? placeholders
     * @param params values of the filter's placeholders
     */
    public Page<WorksheetRow> list(String filter, List<Object> params, PageRequest.Sort sort, PageRequest page) {
        LocalDate window = windows.start();
        LocalDate year = windows.monthsBack(12);
        LocalDate previous = windows.monthsBack(24);
        String column = SORTABLE.get(sort.field());
        boolean kept = FROM_MONTHS.stream().noneMatch(c -> filter.contains(c) || column.equals(c))
                && totals.coverConfiguredWindow();
        List<Object> all = new ArrayList<>(
                kept
                        ? List.of(window, year)
                        : List.of(
                                window, window, window, window, window, year, year, previous, year, window, previous,
                                window));
        all.addAll(params);
        all.add(page.size);
        all.add(page.offset());
        if (kept) {
            all.addAll(List.of(year, previous, year, previous));
        }
        String sql = (kept ? KEPT : BASE).formatted(filter, column, sort.direction());
        long[] total = {0};
        List<WorksheetRow> rows = db.list(
                sql,
                rs -> {
                    total[0] = rs.getLong("total");
                    long rank = rs.getLong("revenue_rank");
                    return new WorksheetRow(
                            rs.getObject("customer_id", UUID.class),
                            rs.getString("abc_class"),
                            rs.getString("value_class"),
                            money(rs, "revenue"),
                            money(rs, "refunds"),
                            money(rs, "net_revenue"),
                            money(rs, "gross_margin"),
                            money(rs, "cost_to_serve"),
                            money(rs, "profit"),
                            rs.getLong("purchases"),
                            rs.getLong("categories"),
                            rs.getLong("complaints"),
                            money(rs, "wallet"),
                            Decimals.ratio(rs.getBigDecimal("share_of_wallet")),
                            money(rs, "potential"),
                            rs.getBoolean("target"),
                            rank,
                            Decimals.ratio(BigDecimal.valueOf(rank)
                                    .divide(BigDecimal.valueOf(rs.getLong("live")), MathContext.DECIMAL64)),
                            money(rs, "previous_revenue"),
                            money(rs, "change"));
                },
                all.toArray());
        if (rows.isEmpty() && page.page > 0) {
            // past the last page: count the matches alone
            List<Object> counting = new ArrayList<>(all);
            int paging = kept ? counting.size() - 6 : counting.size() - 2;
            counting.set(paging, Integer.MAX_VALUE);
            counting.set(paging + 1, 0);
            total[0] = db.count("select count(*) from (" + sql + ") t", counting.toArray());
        }
        return Page.of(rows, page, total[0]);
    }

    private static String money(ResultSet rs, String column) throws SQLException {
        return Decimals.money(rs.getBigDecimal(column));
    }
}
