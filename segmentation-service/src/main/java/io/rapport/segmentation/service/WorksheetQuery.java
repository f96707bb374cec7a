package io.rapport.segmentation.service;

import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The differentiation worksheet lists, each one set-based query over the month facts: window figures per
 * live customer (not merged, not erased), their classes, complaints of the last 12 months, distinct
 * categories in the window and revenue of the 12 months before; a filter, a checked sort (ties by customer
 * id) and a page. The total comes from a window count.
 */
@ApplicationScoped
public class WorksheetQuery {
    /** API sort field to SQL column, shared by every list. */
    public static final Map<String, String> SORTABLE = Map.ofEntries(Map.entry("customerId", "customer_id"),
            Map.entry("revenue", "revenue"), Map.entry("grossMargin", "gross_margin"), Map.entry("costToServe", "cost_to_serve"),
            Map.entry("profit", "profit"), Map.entry("purchases", "purchases"), Map.entry("categories", "categories"),
            Map.entry("complaints", "complaints"), Map.entry("wallet", "wallet"), Map.entry("shareOfWallet", "share_of_wallet"),
            Map.entry("potential", "potential"), Map.entry("previousRevenue", "previous_revenue"),
            Map.entry("change", "change"));

    private static final String BASE = """
            with w as (select customer_id, sum(revenue) filter (where month >= ?) as revenue,
                              sum(cogs + refunds) filter (where month >= ?) as cogs_refunds,
                              sum(cost_to_serve) filter (where month >= ?) as cost_to_serve,
                              sum(purchases) filter (where month >= ?) as purchases,
                              sum(complaints) filter (where month >= ?) as complaints,
                              sum(revenue) filter (where month >= ?) as year_revenue,
                              sum(revenue) filter (where month >= ? and month < ?) as previous_revenue
                         from value_month where month >= least(?::date, ?::date) group by customer_id),
                 c as (select customer_id, count(distinct category) as categories from category_month where month >= ?
                        group by customer_id),
                 b as (select p.customer_id, a.class_label as abc_class, v.class_label as value_class,
                              coalesce(w.revenue, 0) as revenue, coalesce(w.revenue, 0) - coalesce(w.cogs_refunds, 0) as gross_margin,
                              coalesce(w.cost_to_serve, 0) as cost_to_serve,
                              coalesce(w.revenue, 0) - coalesce(w.cogs_refunds, 0) - coalesce(w.cost_to_serve, 0) as profit,
                              coalesce(w.purchases, 0) as purchases, coalesce(c.categories, 0) as categories,
                              coalesce(w.complaints, 0) as complaints, p.wallet,
                              case when p.wallet > 0 then coalesce(w.revenue, 0) / p.wallet end as share_of_wallet,
                              p.wallet - coalesce(w.revenue, 0) as potential, p.target,
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

    private final Windows windows;
    private final Db db;

    public WorksheetQuery(Windows windows, Db db) {
        this.windows = windows;
        this.db = db;
    }

    /**
     * @param filter SQL condition over the columns of {@link WorksheetRow} (snake case) with ? placeholders
     * @param params values of the filter's placeholders
     */
    public Page<WorksheetRow> list(String filter, List<Object> params, PageRequest.Sort sort, PageRequest page) {
        LocalDate window = windows.start();
        LocalDate year = Windows.monthsBack(12);
        LocalDate previous = Windows.monthsBack(24);
        List<Object> all = new ArrayList<>(List.of(window, window, window, window, year, year, previous, year, window, previous, window));
        all.addAll(params);
        all.add(page.size);
        all.add(page.offset());
        long[] total = {0};
        List<WorksheetRow> rows = db.list(BASE.formatted(filter, SORTABLE.get(sort.field()), sort.direction()), rs -> {
            total[0] = rs.getLong("total");
            return new WorksheetRow(rs.getObject("customer_id", UUID.class), rs.getString("abc_class"), rs.getString("value_class"),
                    rs.getBigDecimal("revenue"), rs.getBigDecimal("gross_margin"), rs.getBigDecimal("cost_to_serve"),
                    rs.getBigDecimal("profit"), rs.getLong("purchases"), rs.getLong("categories"), rs.getLong("complaints"),
                    rs.getBigDecimal("wallet"), rs.getBigDecimal("share_of_wallet"), rs.getBigDecimal("potential"),
                    rs.getBoolean("target"), rs.getBigDecimal("previous_revenue"), rs.getBigDecimal("change"));
        }, all.toArray());
        if (rows.isEmpty() && page.page > 0) {
            total[0] = db.count("select count(*) from (" + BASE.formatted(filter, "customer_id", "asc") + ") t",
                    withoutPaging(all));
        }
        return Page.of(rows, page, total[0]);
    }

    private static Object[] withoutPaging(List<Object> all) {
        List<Object> copy = new ArrayList<>(all.subList(0, all.size() - 2));
        copy.add(Integer.MAX_VALUE);
        copy.add(0);
        return copy.toArray();
    }
}
