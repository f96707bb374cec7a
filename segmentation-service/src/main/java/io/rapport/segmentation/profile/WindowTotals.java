package io.rapport.segmentation.profile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rapport.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * The trailing-window totals kept on every profile (w_revenue, w_cogs, w_refunds, w_cost_to_serve, w_purchases) by
 * the triggers of value_month (migration V2): what a full recompute reads instead of summing the month facts. The
 * triggers count a month row when its month is at or after the stored start (value_window); this class moves that
 * start to the configured window ({@link Windows#start()}) when a month begins or the configured length changes,
 * adding or subtracting the months in between in one set-based statement. It holds the exclusive advisory lock the
 * triggers take shared, so facts written meanwhile wait and are then counted against the new start. Moved at start-up,
 * every hour and before every run; a move when nothing changed is one read.
 */
@ApplicationScoped
public class WindowTotals {
    private static final Logger LOG = Logger.getLogger(WindowTotals.class);
    /** The lock the triggers take shared (0x5E61000, see V2__window_totals.sql). */
    static final long LOCK = 0x5E61000L;

    private static final String MOVE = """
            update customer_profile p
               set w_revenue = p.w_revenue + ? * d.revenue, w_cogs = p.w_cogs + ? * d.cogs,
                   w_refunds = p.w_refunds + ? * d.refunds, w_cost_to_serve = p.w_cost_to_serve + ? * d.cost_to_serve,
                   w_purchases = p.w_purchases + ? * d.purchases
              from (select customer_id, sum(revenue) as revenue, sum(cogs) as cogs, sum(refunds) as refunds,
                           sum(cost_to_serve) as cost_to_serve, sum(purchases) as purchases
                      from value_month where month >= ? and month < ? group by customer_id) d
             where p.customer_id = d.customer_id
            """;

    private final Db db;
    private final Windows windows;

    public WindowTotals(Db db, Windows windows) {
        this.db = db;
        this.windows = windows;
    }

    void atStartup(@Observes StartupEvent event) {
        current();
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        current();
    }

    /**
     * Makes the totals those of the configured window, in its own transaction.
     *
     * @return the window start the totals now cover
     */
    public LocalDate current() {
        return moveTo(windows.start());
    }

    /** Makes the totals those of a window starting at {@code target} (a month's first day), in its own transaction. */
    public LocalDate moveTo(LocalDate target) {
        if (target.equals(stored())) {
            return target;
        }
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> move(target));
    }

    /** Whether the totals are those of the configured window now (else a reader sums the month facts itself). */
    public boolean coverConfiguredWindow() {
        return windows.start().equals(stored());
    }

    /** The first month the totals cover now. */
    public LocalDate stored() {
        return db.one("select window_start from value_window", rs -> rs.getObject(1, LocalDate.class))
                .orElseThrow(() -> new IllegalStateException("value_window has no row: migration V2 did not run"));
    }

    private LocalDate move(LocalDate target) {
        long begun = System.nanoTime();
        db.one("select pg_advisory_xact_lock(?)", rs -> true, LOCK);
        db.allowJobTime(); // moves every customer's totals in one statement
        LocalDate from = db.one(
                        "select window_start from value_window for update", rs -> rs.getObject(1, LocalDate.class))
                .orElseThrow();
        if (from.equals(target)) {
            return target;
        }
        // later start: the months [from, target) leave the totals; earlier start: the months [target, from) join them
        int sign = target.isAfter(from) ? -1 : 1;
        LocalDate lower = sign < 0 ? from : target;
        LocalDate upper = sign < 0 ? target : from;
        int customers = db.update(MOVE, sign, sign, sign, sign, sign, lower, upper);
        db.update("update value_window set window_start = ?", target);
        LOG.infof(
                "window totals moved from %s to %s: %d customers' totals changed, in %d ms",
                from, target, customers, (System.nanoTime() - begun) / 1_000_000);
        return target;
    }
}
