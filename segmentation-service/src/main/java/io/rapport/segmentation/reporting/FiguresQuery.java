package io.rapport.segmentation.reporting;

import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.classification.ClassificationSql;
import io.rapport.segmentation.domain.CustomerFigures;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One customer's figures from the month facts, for a window starting at a month or for the lifetime; net revenue,
 * gross margin, profit, share of wallet and potential by the functions of R__value_figures.sql.
 */
@ApplicationScoped
public class FiguresQuery {
    /** A window start before every fact. */
    public static final LocalDate LIFETIME = LocalDate.of(1970, 1, 1);

    private static final String SQL = """
            select f.revenue, f.cogs, f.refunds, net_revenue(f.revenue, f.refunds), gross_margin(f.revenue, f.cogs, f.refunds),
                   f.cost_to_serve, profit(f.revenue, f.cogs, f.refunds, f.cost_to_serve), f.purchases, f.complaints,
                   (select count(distinct category) from category_month c where c.customer_id = p.customer_id and c.month >= ?),
                   p.wallet, share_of_wallet(f.revenue, f.refunds, p.wallet), potential(p.wallet, f.revenue, f.refunds),
                   %1$s, p.first_purchase_at, p.last_purchase_at
              from customer_profile p
             cross join lateral (select coalesce(sum(revenue), 0) as revenue, coalesce(sum(cogs), 0) as cogs,
                                        coalesce(sum(refunds), 0) as refunds, coalesce(sum(cost_to_serve), 0) as cost_to_serve,
                                        coalesce(sum(purchases), 0) as purchases, coalesce(sum(complaints), 0) as complaints
                                   from value_month v where v.customer_id = p.customer_id and v.month >= ?) f
             where p.customer_id = ?
            """.formatted(ClassificationSql.tenure("p."));

    private final Db db;
    private final Clock clock;

    public FiguresQuery(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Empty when the customer has never been seen. First/last purchase are lifetime values. */
    public Optional<CustomerFigures> figures(UUID customerId, LocalDate from) {
        return db.one(
                SQL,
                rs -> new CustomerFigures(
                        rs.getBigDecimal(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getLong(8),
                        rs.getLong(10),
                        rs.getLong(9),
                        rs.getBigDecimal(11),
                        rs.getBigDecimal(12),
                        rs.getBigDecimal(13),
                        rs.getBigDecimal(14),
                        Db.instant(rs, "first_purchase_at"),
                        Db.instant(rs, "last_purchase_at")),
                from,
                clock.instant(), // tenure at the service clock's now (ClassificationSql#tenure)
                from,
                customerId);
    }
}
