package io.rapport.segmentation.service;

import io.rapport.segmentation.domain.AbcMethod;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.ScoreWeight;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The set-based statements of a run. Every scheme reads the window figures of the live customers straight from the
 * totals kept on their profiles ({@link #FIGURES}: revenue, gross margin, profit, purchases, wallet, tenure; see
 * WindowTotals), then ranks, classifies ({@code classes}: label, ranking value, rank {@code rn}, cumulative positive
 * value {@code cum}, revenue, gross margin, potential), writes the changed classes and counts its classes in ONE
 * statement (one snapshot: the counts, total and Pareto points agree with the classes written), and writes the
 * changes' events in a second. Only enum-derived text and validated numbers are put into the SQL text, everything
 * else is bound.
 */
final class ClassificationSql {
    private ClassificationSql() {
    }

    /** A customer's tenure in years of 365.25 days (0 when unknown), from a profile row whose columns start with {@code of}. */
    static String tenure(String of) {
        return "greatest(coalesce(extract(epoch from (now() - %scustomer_since)) / 31557600, 0), 0)".formatted(of);
    }

    /**
     * The window figures of the live customers (not merged away, not erased) as the CTE {@code figures}, read where
     * it is used (never materialized: the columns a scheme does not use are never computed); tenure in years of
     * 365.25 days. {@code revenue} is NET revenue (bought minus refunded, as CustomerFigures#netRevenue): it is the
     * REVENUE metric of ABC, the SCORE's revenue figure, the revenue of the potential (wallet - net revenue) and the
     * revenue summed per class.
     */
    static final String FIGURES = """
            figures as not materialized (
                select customer_id, w_revenue - w_refunds as revenue, w_revenue - w_cogs - w_refunds as margin,
                       w_revenue - w_cogs - w_refunds - w_cost_to_serve as profit, w_purchases as purchases, wallet,
                       %s as tenure
                  from customer_profile
                 where merged_into is null and not erased)
            """.formatted(tenure(""));

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
            sql.append(" + ").append(weight.toPlainString()).append("::numeric * ").append(figure).append(" / ")
                    .append(max.toPlainString()).append("::numeric");
        }
        return sql.append(")").toString();
    }

    /**
     * Whether rank {@code rn} of {@code n} is a point of the Pareto curve, i.e. rank ceil(n * k / 100) for some k of
     * 1..100: the smallest k whose point is at or after rn is (100 * (rn - 1)) div n + 1; rn is a point when that
     * point is rn (integer arithmetic, n and rn bigint).
     */
    private static final String POINT = "(100 * (rn - 1) / n + 1 <= 100 and (n * (100 * (rn - 1) / n + 1) + 99) / 100 = rn)";

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
                    select customer_id, revenue, margin, profit, wallet - revenue as potential,
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
     * The SegmentChanged events of that chunk, for Outbox#publishSelect: subject and payload (JSON of the SegmentChanged
     * record), in id order. Parameters: run id, cursor, last id, chunk size, scheme, policy version, run id (text),
     * occurredAt (text), metric name, labels (text[]), levels (text[]).
     */
    static final String EVENT_ROWS = """
            select c.customer_id::text as subject,
                   json_build_object('customerId', c.customer_id, 'scheme', s.scheme, 'fromClass', c.from_class,
                       'toClass', c.to_class, 'policyVersion', s.version, 'runId', s.run_id, 'recommendedLevel', l.level,
                       'figures', json_strip_nulls(json_build_object(s.metric, c.value::text, 'potential', c.potential::text)),
                       'occurredAt', s.at)::text as payload
              from (select id, customer_id, from_class, to_class, value, potential from segment_change
                     where run_id = ? and id >= ? and id <= ? order by id limit ?) c
             cross join (select ?::text as scheme, ?::bigint as version, ?::text as run_id, ?::text as at, ?::text as metric) s
              join unnest(?::text[], ?::text[]) as l(label, level) on l.label = c.to_class
             order by c.id
            """;
}
