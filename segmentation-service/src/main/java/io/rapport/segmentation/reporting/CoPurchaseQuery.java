package io.rapport.segmentation.reporting;

import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.domain.CoPurchase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Co-purchase pair counts, set-based, at category or SKU level over lifetime baskets (one basket per live customer:
 * not merged away, not erased). For one customer: every pair (an item they bought, an item they never bought) with
 * the distinct customers who bought both, each item and everyone; only pairs bought by at least the minimum support
 * of distinct customers are counted (the one place that rule lives). The measures are {@link CoPurchase}'s.
 */
@ApplicationScoped
public class CoPurchaseQuery {
    /** Recommendation level: which month table and item column. */
    public enum Level {
        CATEGORY("category_month", "category"),
        SKU("sku_month", "sku");

        final String table;
        final String column;

        Level(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    private static final String SQL = """
            with baskets as materialized (
                     select distinct c.customer_id, c.%2$s as item from %1$s c
                       join customer_profile p on p.customer_id = c.customer_id and p.merged_into is null and not p.erased),
                 mine as (select distinct item from baskets where customer_id = ?),
                 pairs as (select b.item, a.item as because, count(*) as both_customers
                             from baskets a join baskets b on b.customer_id = a.customer_id
                            where a.item in (select item from mine) and b.item not in (select item from mine)
                            group by b.item, a.item
                           having count(*) >= ?),
                 counts as (select item, count(*) as customers from baskets
                             where item in (select item from pairs union select because from pairs) group by item)
            select p.item, p.because, p.both_customers, cb.customers, ci.customers
              from pairs p join counts cb on cb.item = p.because join counts ci on ci.item = p.item
            """;

    private final Db db;

    public CoPurchaseQuery(Db db) {
        this.db = db;
    }

    /** The pair counts and the number of customers with a basket at that level. */
    public record Counts(List<CoPurchase.PairCount> pairs, long customers) {}

    public List<String> bought(UUID customerId, Level level) {
        return db.list(
                "select distinct %2$s from %1$s where customer_id = ? order by 1".formatted(level.table, level.column),
                rs -> rs.getString(1),
                customerId);
    }

    public Counts pairs(UUID customerId, Level level, int minSupport) {
        long n = db.count(("select count(distinct c.customer_id) from %s c join customer_profile p on p.customer_id ="
                        + " c.customer_id and p.merged_into is null and not p.erased")
                .formatted(level.table));
        List<CoPurchase.PairCount> pairs = db.list(
                SQL.formatted(level.table, level.column),
                rs -> new CoPurchase.PairCount(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                customerId,
                minSupport);
        return new Counts(pairs, n);
    }
}
