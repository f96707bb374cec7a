package io.rapport.segmentation.classification;

import io.rapport.segmentation.domain.AbcMethod;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.ScoreWeight;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The set-based statements of classification, and the ONLY implementation of ABC ({@link #abc}), of MVC / MGC / BZ
 * ({@link #VALUE}), of the ABC metric ({@link #metric}, also between runs and in explanations) and of the SegmentChanged
 * event ({@link #segmentChanged}, runs and reclassification alike); the value figures they rank by are the SQL
 * functions of R__value_figures.sql. Their tests run them on a real PostgreSQL against expectations computed in the
 * test. Every scheme reads the window figures of the live customers straight from the
 * totals kept on their profiles ({@link #FIGURES}: revenue, gross margin, profit, purchases, wallet, tenure; see
 * WindowTotals), then ranks, classifies ({@code classes}: label, ranking value, rank {@code rn}, cumulative positive
 * value {@code cum}, revenue, gross margin, potential), writes the changed classes and counts its classes in ONE
 * statement (one snapshot: the counts, total and Pareto points agree with the classes written), and writes the
 * changes' events in a second. Only enum-derived text and validated numbers are put into the SQL text, everything
 * else is bound.
 */
public final class ClassificationSql {
    private ClassificationSql() {}

    /**
     * A customer's tenure in years of 365.25 days (0 when unknown), from a profile row whose columns start with
     * {@code of}, at the time bound to its one parameter (the service clock's now, never the database's: a business
     * rule reads the injected Clock). Every statement below that holds it takes that time as its FIRST parameter.
     */
    public static String tenure(String of) {
        return "greatest(coalesce(extract(epoch from (?::timestamptz - %scustomer_since)) / 31557600, 0), 0)"
                .formatted(of);
    }

    /**
     * The figure columns of a customer (revenue = NET revenue, margin, profit, purchases, wallet, potential) from
     * columns holding the sums of revenue, cost of goods, refunds, cost-to-serve and purchases, through the functions
     * of R__value_figures.sql (the only place their formulas live). {@code revenue} is NET revenue: the REVENUE metric
     * of ABC, the SCORE's revenue figure and the revenue summed per class.
     */
    private static String columns(
            String revenue, String cogs, String refunds, String costToServe, String purchases, String wallet) {
        return ("net_revenue(%1$s, %3$s) as revenue, gross_margin(%1$s, %2$s, %3$s) as margin,"
                        + " profit(%1$s, %2$s, %3$s, %4$s) as profit, %5$s as purchases, %6$s as wallet,"
                        + " potential(%6$s, %1$s, %3$s) as potential")
                .formatted(revenue, cogs, refunds, costToServe, purchases, wallet);
    }

    /**
     * The window figures of the live customers (not merged away, not erased) as the CTE {@code figures}, read where
     * it is used (never materialized: the columns a scheme does not use are never computed), from the window totals
     * kept on the profiles (WindowTotals); tenure in years of 365.25 days.
     */
    static final String FIGURES = """
            figures as not materialized (
                select customer_id, %s,
                       %s as tenure
                  from customer_profile
                 where merged_into is null and not erased)
            """.formatted(
            columns("w_revenue", "w_cogs", "w_refunds", "w_cost_to_serve", "w_purchases", "wallet"), tenure(""));

    /**
     * The same figures as the CTE {@code figures} for some live customers only, each with its current classes as a
     * JSON object ({@code classes}: scheme to label): from the kept window totals ({@code kept}; parameter: the ids,
     * uuid[]) or summed from the month facts of a window (parameters: window start, the ids).
     */
    static String figuresOf(boolean kept) {
        String classes = "(select jsonb_object_agg(s.scheme, s.class_label)::text from customer_segment s"
                + " where s.customer_id = p.customer_id) as classes";
        if (kept) {
            return """
                    figures as (
                        select p.customer_id, %s,
                               %s as tenure, %s
                          from customer_profile p
                         where p.customer_id = any(?::uuid[]) and p.merged_into is null and not p.erased)
                    """.formatted(
                    columns("p.w_revenue", "p.w_cogs", "p.w_refunds", "p.w_cost_to_serve", "p.w_purchases", "p.wallet"),
                    tenure("p."),
                    classes);
        }
        return """
                figures as (
                    select p.customer_id, %s,
                           %s as tenure, %s
                      from customer_profile p
                     cross join lateral (select coalesce(sum(revenue), 0) as revenue, coalesce(sum(cogs), 0) as cogs,
                                                coalesce(sum(refunds), 0) as refunds,
                                                coalesce(sum(cost_to_serve), 0) as cost_to_serve,
                                                coalesce(sum(purchases), 0) as purchases
                                           from value_month v where v.customer_id = p.customer_id and v.month >= ?) v
                     where p.customer_id = any(?::uuid[]) and p.merged_into is null and not p.erased)
                """.formatted(
                        columns("v.revenue", "v.cogs", "v.refunds", "v.cost_to_serve", "v.purchases", "p.wallet"),
                        tenure("p."),
                        classes);
    }

    static final String MAXIMA = """
            with %s
            select coalesce(max(revenue), 0), coalesce(max(profit), 0), coalesce(max(purchases), 0), coalesce(max(tenure), 0)
              from figures
            """.formatted(FIGURES);

    /** The ABC metric over the figures' columns; SCORE terms are weight * figure / maximum (positive maxima only). */
    static String metric(AbcRules rules, Map<ScoreWeight, BigDecimal> maxima) {
        return switch (rules.metric()) {
            case REVENUE -> "revenue";
            case PROFIT -> "profit";
            case VOLUME -> "purchases::numeric";
            case SCORE -> score(rules, maxima);
        };
    }

    private static String score(AbcRules rules, Map<ScoreWeight, BigDecimal> maxima) {
        StringBuilder sql = new StringBuilder("(0::numeric");
        for (ScoreWeight w : ScoreWeight.values()) {
            BigDecimal weight = rules.weight(w);
            BigDecimal max = maxima.get(w);
            if (weight.signum() == 0 || max == null || max.signum() <= 0) {
                continue;
            }
            String figure = switch (w) {
                case REVENUE -> "revenue";
                case PROFIT -> "profit";
                case VOLUME -> "purchases";
                case TENURE -> "tenure";
            };
            sql.append(" + ")
                    .append(weight.toPlainString())
                    .append("::numeric * ")
                    .append(figure)
                    .append(" / ")
                    .append(max.toPlainString())
                    .append("::numeric");
        }
        return sql.append(")").toString();
    }

    /**
     * Whether rank {@code rn} of {@code n} is a point of the Pareto curve, i.e. rank ceil(n * k / 100) for some k of
     * 1..100: the smallest k whose point is at or after rn is (100 * (rn - 1)) div n + 1; rn is a point when that
     * point is rn (integer arithmetic, n and rn bigint).
     */
    private static final String POINT =
            "(100 * (rn - 1) / n + 1 <= 100 and (n * (100 * (rn - 1) / n + 1) + 99) / 100 = rn)";

    /**
     * ABC from the figures, in one sort, as the CTE {@code classes}, after the CTE {@code totals} (total positive
     * value, customers, the cut-offs as thresholds). A customer's class index is the number of cut-offs its position
     * has reached, position = 100 * positive value ranked above / total positive value (CUMULATIVE_SHARE) or 100 *
     * customers ranked above / all customers (RANK_PERCENTILE); width_bucket counts them exactly without a division:
     * 100 * value ranked above against cut-off * total (or 100 * customers above against cut-off * customers). The
     * ranking has no ties (the customer id breaks them), so the running sum needs no peer frame. Parameters: cut-offs
     * (numeric[]), labels (text[]) three times.
     */
    static String abc(String metric, AbcMethod method) {
        boolean share = method == AbcMethod.CUMULATIVE_SHARE;
        return """
                totals as materialized (
                    select t.total, t.n, array(select c * t.%3$s from unnest(?::numeric[]) with ordinality u(c, i) order by i) as th
                      from (select sum(greatest(%2$s, 0)) as total, count(*) as n from figures) t),
                classes as materialized (
                    select customer_id, value, rn, cum, revenue, margin, null::numeric as potential, %4$s as pt,
                           case when value <= 0 then (?::text[])[cardinality(?::text[])]
                                else (?::text[])[1 + width_bucket(%1$s, th)] end as label
                      from (select customer_id, value, revenue, margin,
                                   row_number() over w as rn, sum(greatest(value, 0)) over w as cum
                              from (select customer_id, %2$s as value, revenue, margin from figures) v
                            window w as (order by value desc, customer_id rows unbounded preceding)) r
                     cross join totals t)
                """.formatted(share ? "100 * (cum - value)" : "100 * (rn - 1)", metric, share ? "total" : "n", POINT);
    }

    /**
     * MVC / MGC / BZ / OTHER (value = profit) as the CTE {@code classes}, in one sort of everyone plus one of the
     * growable; the customers and the profitable are counted on the ranking (no second scan of the profiles). The
     * ranking by profit puts the profitable first, so their rank among the profitable is their rank:
     * MVC are the ranks r with 100 * (r - 1) < MVC percent * profitable customers, i.e. r <= ceil(MVC percent *
     * profitable / 100) ({@code mvc}, one integer compared per row). The growable (not BZ, not MVC, known wallet,
     * positive potential) are ranked by potential (rg) among themselves (ng) and are MGC or OTHER; everyone else is
     * BZ, MVC or OTHER: the two parts are put together (no join). Parameters: MVC percent, MGC percent.
     */
    static final String VALUE = """
                ranked as materialized (
                    select customer_id, revenue, margin, profit, potential,
                           row_number() over w as rn, sum(greatest(profit, 0)) over w as cum
                      from figures
                    window w as (order by profit desc, customer_id rows unbounded preceding)),
                counts as materialized (
                    select count(*) as n, ceil(?::numeric * count(*) filter (where profit > 0) / 100)::bigint as mvc from ranked),
                growable as (
                    select r.*, c.n, c.mvc, row_number() over (order by potential desc, customer_id) as rg, count(*) over () as ng
                      from ranked r cross join counts c
                     where profit >= 0 and not (profit > 0 and rn <= c.mvc) and potential > 0),
                classes as materialized (
                    select customer_id, profit as value, rn, cum, revenue, margin, potential, %1$s as pt,
                           case when profit < 0 then 'BZ' when profit > 0 and rn <= mvc then 'MVC' else 'OTHER' end as label
                      from ranked r cross join counts c
                     where (profit >= 0 and not (profit > 0 and rn <= mvc) and potential > 0) is not true
                    union all
                    select customer_id, profit, rn, cum, revenue, margin, potential, %1$s,
                           case when 100 * (rg - 1) < ?::numeric * ng then 'MGC' else 'OTHER' end
                      from growable r)
                """.formatted(POINT);

    /**
     * One statement for a scheme, {@link #FIGURES} then the classification CTEs ({@link #abc} or {@link #VALUE}): the
     * customers whose class differs from their current one get a history row (with the potential, for its event) and
     * their new current class; answers per class, in one pass: customers, smallest positive value, smallest potential,
     * revenue, gross margin, positive value, the ranks and cumulative values of the Pareto points that fall in the
     * class (point k of 100 is rank ceil(n * k / 100) of the n customers classified), how many customers changed and
     * the first and last id of their history rows. Parameters (after those of the classification): scheme; history:
     * scheme, policy version, run id, time; current: scheme, policy version, run id, time.
     */
    static String classify(String classification) {
        return """
                with %s, %s,
                changes as materialized (
                    select r.customer_id, s.class_label as from_class, r.label as to_class, r.value, r.potential
                      from classes r
                      left join customer_segment s on s.customer_id = r.customer_id and s.scheme = ?
                     where s.class_label is distinct from r.label),
                history as (
                    insert into segment_change (customer_id, scheme, from_class, to_class, policy_version, run_id, value,
                                                potential, changed_at)
                    select customer_id, ?, from_class, to_class, ?, ?, value, potential, ? from changes returning id),
                current as (
                    insert into customer_segment (customer_id, scheme, class_label, policy_version, run_id, since)
                    select customer_id, ?, to_class, ?, ?, ? from changes
                    on conflict (customer_id, scheme) do update set class_label = excluded.class_label,
                        policy_version = excluded.policy_version, run_id = excluded.run_id, since = excluded.since)
                select label, count(*), min(value) filter (where value > 0), min(potential), sum(revenue), sum(margin),
                       coalesce(sum(greatest(value, 0)), 0), array_agg(rn) filter (where pt),
                       array_agg(cum) filter (where pt), (select count(*) from changes),
                       (select min(id) from history), (select max(id) from history)
                  from classes group by label
                """.formatted(FIGURES.strip(), classification.strip());
    }

    /**
     * The next chunk of a run's history rows (ids from a cursor up to the run's last, in id order): its last id and
     * size. Parameters: run id, cursor, last id, chunk size.
     */
    static final String EVENT_CHUNK = """
            select max(id), count(*) from (
                select id from segment_change where run_id = ? and id >= ? and id <= ? order by id limit ?) chunk
            """;

    /**
     * THE builder of SegmentChanged events (the contract's record, as JSON), for Outbox#publishSelect: subject and
     * payload per row of {@code rows}, in the order of their {@code id}. {@code rows} has the columns id, customer_id,
     * scheme, from_class, to_class, policy_version, run_id (text, null between runs), level (the recommended
     * relationship level), metric (the figure's name: the ABC metric or profit), value, potential (VALUE only) and
     * occurred_at (text). Runs ({@link #EVENT_ROWS}) and reclassification between runs ({@link #RECLASSIFIED_ROWS})
     * both publish through it.
     */
    static String segmentChanged(String rows) {
        return """
                select c.customer_id::text as subject,
                       json_build_object('customerId', c.customer_id, 'scheme', c.scheme, 'fromClass', c.from_class,
                           'toClass', c.to_class, 'policyVersion', c.policy_version, 'runId', c.run_id,
                           'recommendedLevel', c.level,
                           'figures', json_strip_nulls(json_build_object(c.metric, c.value::text, 'potential', c.potential::text)),
                           'occurredAt', c.occurred_at)::text as payload
                  from (%s) c
                 order by c.id
                """.formatted(rows.strip());
    }

    /**
     * The SegmentChanged events of a chunk of a run's history rows. Parameters: run id, cursor, last id, chunk size,
     * scheme, policy version, run id (text), occurredAt (text), metric name, labels (text[]), levels (text[]).
     */
    static final String EVENT_ROWS = segmentChanged("""
            select c.id, c.customer_id, s.scheme, c.from_class, c.to_class, s.version as policy_version, s.run_id, l.level,
                   s.metric, c.value, c.potential, s.at as occurred_at
              from (select id, customer_id, from_class, to_class, value, potential from segment_change
                     where run_id = ? and id >= ? and id <= ? order by id limit ?) c
             cross join (select ?::text as scheme, ?::bigint as version, ?::text as run_id, ?::text as at, ?::text as metric) s
              join unnest(?::text[], ?::text[]) as l(label, level) on l.label = c.to_class
            """);

    /**
     * The SegmentChanged events of history rows written between runs. Parameters: occurredAt (text), the rows' ids
     * (bigint[]) with the metric name (text[]) and recommended level (text[]) of each.
     */
    static final String RECLASSIFIED_ROWS = segmentChanged("""
            select c.id, c.customer_id, c.scheme, c.from_class, c.to_class, c.policy_version, c.run_id::text as run_id,
                   u.level, u.metric, c.value, c.potential, ?::text as occurred_at
              from segment_change c
              join unnest(?::bigint[], ?::text[], ?::text[]) as u(id, metric, level) on u.id = c.id
            """);
}
