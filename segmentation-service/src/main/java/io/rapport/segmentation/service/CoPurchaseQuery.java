package io.rapport.segmentation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Co-purchase recommendations, set-based: the peers are customers who bought at least one category this
 * customer bought; a candidate is a category some peer bought that this customer never did; candidates are
 * ranked by how many peers bought them (ties by name). Lifetime categories.
 */
@ApplicationScoped
public class CoPurchaseQuery {
    private static final String SQL = """
            with mine as (select distinct category from category_month where customer_id = ?),
                 peers as (select distinct c.customer_id from category_month c join mine m on m.category = c.category
                            where c.customer_id <> ?)
            select c.category, count(distinct c.customer_id) as customers, (select count(*) from peers) as peers
              from category_month c join peers p on p.customer_id = c.customer_id
             where not exists (select 1 from mine m where m.category = c.category)
             group by c.category
             order by customers desc, c.category
             limit ?
            """;

    private final Db db;

    public CoPurchaseQuery(Db db) {
        this.db = db;
    }

    /** A recommended category and how many peers bought it; {@code peers} is the number of peers overall. */
    public record Recommendation(String category, long customers, long peers) {
    }

    public List<String> categories(UUID customerId) {
        return db.list("select distinct category from category_month where customer_id = ? order by category",
                rs -> rs.getString(1), customerId);
    }

    public List<Recommendation> recommend(UUID customerId, int limit) {
        return db.list(SQL, rs -> new Recommendation(rs.getString(1), rs.getLong(2), rs.getLong(3)), customerId, customerId, limit);
    }
}
