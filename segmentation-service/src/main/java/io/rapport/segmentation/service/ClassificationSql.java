package io.rapport.segmentation.service;

import io.rapport.segmentation.domain.AbcMethod;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.ScoreWeight;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The set-based statements of a run. Each builds temporary tables (dropped at commit) on the run's
 * connection: {@code run_figures} (window figures of every live customer), then {@code run_class} (label,
 * ranking value, rank {@code rn}, cumulative positive value {@code cum}, revenue, gross margin, potential).
 * Only enum-derived text and validated numbers are put into the SQL text; everything else is bound.
 */
final class ClassificationSql {
    private ClassificationSql() {
    }

    /** Window figures of every live customer (not merged away, not erased); tenure in years of 365.25 days. Parameter: window start. */
    static final String FIGURES_SELECT = """
            select p.customer_id,
                   coalesce(f.revenue, 0) as revenue, coalesce(f.cogs, 0) as cogs, coalesce(f.refunds, 0) as refunds,
                   coalesce(f.cost_to_serve, 0) as cost_to_serve, coalesce(f.purchases, 0) as purchases, p.wallet,
                   greatest(coalesce(extract(epoch from (now() - p.customer_since)) / 31557600, 0), 0) as tenure
              from customer_profile p
              left join (select customer_id, sum(revenue) as revenue, sum(cogs) as cogs, sum(refunds) as refunds,
                                sum(cost_to_serve) as cost_to_serve, sum(purchases) as purchases
                           from value_month where month >= ? group by customer_id) f on f.customer_id = p.customer_id
             where p.merged_into is null and not p.erased
            """;

    /** FIGURES_SELECT kept as a temporary table (when a SCORE needs the maxima first, and for VALUE). */
    static final String FIGURES = "create temp table run_figures on commit drop as " + FIGURES_SELECT;

    /** The figures inlined as a subquery (one pass for REVENUE, PROFIT and VOLUME); takes the window parameter. */
    static final String FIGURES_INLINE = "(" + FIGURES_SELECT + ") figures";

    static final String MAXIMA = """
            select coalesce(max(revenue), 0), coalesce(max(revenue - cogs - refunds - cost_to_serve), 0),
                   coalesce(max(purchases), 0), coalesce(max(tenure), 0), count(*)
              from run_figures
            """;

    /** The ABC metric over run_figures columns; SCORE terms are weight * figure / maximum (positive maxima only). */
    static String metric(AbcRules rules, Map<ScoreWeight, BigDecimal> maxima) {
        return switch (rules.metric()) {
            case REVENUE -> "revenue";
            case PROFIT -> "(revenue - cogs - refunds - cost_to_serve)";
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
                case PROFIT -> "(revenue - cogs - refunds - cost_to_serve)";
                case VOLUME -> "purchases";
                case TENURE -> "tenure";
            };
            sql.append(" + ").append(weight.toPlainString()).append("::numeric * ").append(figure).append(" / ")
                    .append(max.toPlainString()).append("::numeric");
        }
        return sql.append(")").toString();
    }

    /**
     * ABC into run_class from {@code source} (run_figures, or FIGURES_INLINE which adds the window parameter at
     * the end). Position before a customer: 100 * positive value ranked above / total positive value
     * (CUMULATIVE_SHARE) or 100 * customers ranked above / all customers (RANK_PERCENTILE); width_bucket counts
     * the cut-offs it has reached, which is the class index. Parameters: labels (text[]) three times, cut-offs
     * (numeric[]).
     */
    static String abc(String metric, AbcMethod method, String source) {
        String position = method == AbcMethod.CUMULATIVE_SHARE ? "100 * (cum - value) / nullif(total, 0)" : "100 * (rn - 1) / n";
        return """
                create temp table run_class on commit drop as
                select customer_id, value, rn, cum, revenue, margin, null::numeric as potential,
                       case when value <= 0 then (?::text[])[cardinality(?::text[])]
                            else (?::text[])[1 + width_bucket(%s, ?::numeric[])] end as label
                  from (select customer_id, value, revenue, margin,
                               row_number() over w as rn, sum(greatest(value, 0)) over w as cum,
                               sum(greatest(value, 0)) over () as total, count(*) over ()::numeric as n
                          from (select customer_id, %s as value, revenue, revenue - cogs - refunds as margin
                                  from %s) v
                        window w as (order by value desc, customer_id)) r
                """.formatted(position, metric, source);
    }

    /**
     * MVC / MGC / BZ / OTHER into run_class (value = profit). rp ranks the profitable, rg the growable rest
     * (not BZ, not MVC, known wallet, positive potential); np and ng are their counts. Parameters: MVC
     * percent, MGC percent.
     */
    static final String VALUE = """
            create temp table run_class on commit drop as
            select customer_id, profit as value, rn, cum, revenue, margin, potential,
                   case when profit < 0 then 'BZ' when mvc then 'MVC'
                        when growable and 100 * (rg - 1) < ?::numeric * ng then 'MGC' else 'OTHER' end as label
              from (select b.*, row_number() over (partition by growable order by potential desc, customer_id) as rg,
                           count(*) over (partition by growable) as ng
                      from (select a.*, coalesce(profit >= 0 and not mvc and potential > 0, false) as growable
                              from (select f.*, (profit > 0 and 100 * (rp - 1) < ?::numeric * np) as mvc
                                      from (select customer_id, revenue, revenue - cogs - refunds as margin,
                                                   revenue - cogs - refunds - cost_to_serve as profit, wallet - revenue as potential,
                                                   row_number() over (partition by revenue - cogs - refunds - cost_to_serve > 0
                                                                      order by revenue - cogs - refunds - cost_to_serve desc, customer_id) as rp,
                                                   count(*) over (partition by revenue - cogs - refunds - cost_to_serve > 0) as np,
                                                   row_number() over (order by revenue - cogs - refunds - cost_to_serve desc, customer_id) as rn,
                                                   sum(greatest(revenue - cogs - refunds - cost_to_serve, 0))
                                                       over (order by revenue - cogs - refunds - cost_to_serve desc, customer_id) as cum
                                              from run_figures) f) a) b) c
            """;

    static final String CLASS_STATS = """
            select label, count(*), min(value) filter (where value > 0), min(potential), sum(revenue), sum(margin)
              from run_class group by label
            """;

    /** Point k of the curve: cumulative positive value of the first ceil(n * k / 100) customers. Parameter: n. */
    static final String PARETO = """
            select k, c.cum from generate_series(1, 100) k join run_class c on c.rn = ceil(?::numeric * k / 100) order by k
            """;

    /** Customers whose class differs from their current one. Parameter: scheme. */
    static final String CHANGES = """
            create temp table run_changes on commit drop as
            select r.customer_id, s.class_label as from_class, r.label as to_class, r.value, r.potential
              from run_class r
              left join customer_segment s on s.customer_id = r.customer_id and s.scheme = ?
             where s.class_label is distinct from r.label
            """;

    /** Parameters: scheme, policy version, run id, time. */
    static final String HISTORY = """
            insert into segment_change (customer_id, scheme, from_class, to_class, policy_version, run_id, value, changed_at)
            select customer_id, ?, from_class, to_class, ?, ?, value, ? from run_changes
            """;

    /** Parameters: scheme, policy version, run id, time. */
    static final String CURRENT = """
            insert into customer_segment (customer_id, scheme, class_label, policy_version, run_id, since)
            select customer_id, ?, to_class, ?, ?, ? from run_changes
            on conflict (customer_id, scheme) do update set class_label = excluded.class_label,
                policy_version = excluded.policy_version, run_id = excluded.run_id, since = excluded.since
            """;

    /**
     * One SegmentChanged outbox row per change, built like Outbox#publish would (same columns, JSON of the
     * SegmentChanged record). Parameters: topic, type, source, scheme, policy version, run id (text),
     * occurredAt (text), metric name, labels (text[]), levels (text[]).
     */
    static final String EVENTS = """
            insert into rapport_outbox (id, topic, type, source, subject, payload)
            select gen_random_uuid(), ?, ?, ?, c.customer_id::text,
                   jsonb_build_object('customerId', c.customer_id, 'scheme', s.scheme, 'fromClass', c.from_class,
                       'toClass', c.to_class, 'policyVersion', s.version, 'runId', s.run_id, 'recommendedLevel', l.level,
                       'figures', jsonb_strip_nulls(jsonb_build_object(s.metric, c.value::text, 'potential', c.potential::text)),
                       'occurredAt', s.at)::text
              from run_changes c
              cross join (select ?::text as scheme, ?::bigint as version, ?::text as run_id, ?::text as at, ?::text as metric) s
              join unnest(?::text[], ?::text[]) as l(label, level) on l.label = c.to_class
            """;
}
