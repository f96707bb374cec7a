package io.rapport.segmentation.service;

import io.rapport.segmentation.domain.CustomerFigures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** One customer's figures from the month facts, for a window starting at a month or for the lifetime. */
@ApplicationScoped
public class FiguresQuery {
    /** A window start before every fact. */
    public static final LocalDate LIFETIME = LocalDate.of(1970, 1, 1);

    private static final String SQL = """
            select coalesce(f.revenue, 0), coalesce(f.cogs, 0), coalesce(f.refunds, 0), coalesce(f.cost_to_serve, 0),
                   coalesce(f.purchases, 0), coalesce(f.complaints, 0),
                   (select count(distinct category) from category_month c where c.customer_id = p.customer_id and c.month >= ?),
                   p.wallet, %1$s,
                   p.first_purchase_at, p.last_purchase_at
              from customer_profile p
              left join lateral (select sum(revenue) as revenue, sum(cogs) as cogs, sum(refunds) as refunds,
                                        sum(cost_to_serve) as cost_to_serve, sum(purchases) as purchases,
                                        sum(complaints) as complaints
                                   from value_month v where v.customer_id = p.customer_id and v.month >= ?) f on true
             where p.customer_id = ?
            """.formatted(ClassificationSql.tenure("p."));

    private final Db db;

    public FiguresQuery(Db db) {
        this.db = db;
    }

    /** Empty when the customer has never been seen. First/last purchase are lifetime values. */
    public Optional<CustomerFigures> figures(UUID customerId, LocalDate from) {
        return db.one(SQL, rs -> new CustomerFigures(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getLong(5), rs.getLong(7), rs.getLong(6), rs.getBigDecimal(8), rs.getBigDecimal(9),
                Db.instant(rs, "first_purchase_at"), Db.instant(rs, "last_purchase_at")), from, from, customerId);
    }
}
