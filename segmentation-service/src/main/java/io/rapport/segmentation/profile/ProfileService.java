package io.rapport.segmentation.profile;

import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.domain.MonthTotals;
import io.rapport.segmentation.domain.ValueFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps value facts from events. Every fact is counted once per business key (purchase, refund, cost,
 * complaint id), whatever the event id or consumer, so replays change nothing. Facts about a merged
 * record go to its survivor; facts about an unknown customer create a stub profile. The methods answer
 * whose classes may have changed; the caller reclassifies them (once per batch, see Reclassifier).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProfileService {
    private static final int MAX_MERGE_HOPS = 16;

    private final Db db;

    public ProfileService(Db db) {
        this.db = db;
    }

    /**
     * Takes the window-totals lock shared for the rest of the transaction (the value_month triggers take it too). Call
     * it before the first profile row is locked: a window move (which holds it exclusively while it updates profiles)
     * then waits for the transaction, or the transaction for the move, instead of the two deadlocking.
     */
    public void shareWindowLock() {
        db.one("select pg_advisory_xact_lock_shared(?)", rs -> true, WindowTotals.LOCK);
    }

    /**
     * Registered or updated, for a whole poll in ONE statement: kind, wallet, target flag and the registration date
     * (tenure) of live customers; a profile is created for a customer seen for the first time. A merged or erased
     * record keeps its kind, wallet and target (only its registration date may move back). Give one snapshot per
     * customer (the one that wins, see EventBatch); a later one of the same customer in the list wins.
     *
     * @return the customers whose kind, wallet or target changed (their classes may change)
     */
    public Set<UUID> snapshots(List<CustomerSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return Set.of();
        }
        Map<UUID, CustomerSnapshot> byId = new TreeMap<>(Comparator.comparing(UUID::toString));
        snapshots.forEach(c -> byId.put(UUID.fromString(c.customerId()), c)); // sorted: rows locked in one order
        List<CustomerSnapshot> winners = List.copyOf(byId.values());
        String live = "p.merged_into is null and not p.erased";
        String differs =
                "(p.kind, p.wallet, p.target) is distinct from (excluded.kind, excluded.wallet, excluded.target)";
        return new HashSet<>(db.list(
                """
                with u (id, kind, wallet, target, since) as (
                    select * from unnest(?::uuid[], ?::text[], ?::numeric[], ?::text[]::boolean[], ?::text[]::timestamptz[])),
                old as (select p.customer_id, p.kind, p.wallet, p.target from customer_profile p join u on p.customer_id = u.id),
                up as (
                    insert into customer_profile as p (customer_id, kind, wallet, target, customer_since)
                    select id, kind, wallet, target, since from u
                    on conflict (customer_id) do update set
                        kind = case when %1$s then excluded.kind else p.kind end,
                        wallet = case when %1$s then excluded.wallet else p.wallet end,
                        target = case when %1$s then excluded.target else p.target end,
                        customer_since = least(p.customer_since, excluded.customer_since),
                        updated_at = case when %1$s and %2$s then now() else p.updated_at end
                     where (%1$s and %2$s) or p.customer_since > excluded.customer_since
                        or (p.customer_since is null and excluded.customer_since is not null)
                    returning p.customer_id, p.kind, p.wallet, p.target, %1$s as live)
                select up.customer_id from up left join old o on o.customer_id = up.customer_id
                 where up.live and (up.kind, up.wallet, up.target) is distinct from (o.kind, o.wallet, coalesce(o.target, false))
                """.formatted(live, differs),
                rs -> rs.getObject(1, UUID.class),
                byId.keySet().toArray(UUID[]::new),
                winners.stream().map(CustomerSnapshot::kind).toArray(String[]::new),
                winners.stream().map(ProfileService::wallet).toArray(BigDecimal[]::new),
                winners.stream().map(c -> Boolean.toString(c.target())).toArray(String[]::new),
                winners.stream()
                        .map(c -> c.createdAt() == null ? null : c.createdAt().toString())
                        .toArray(String[]::new)));
    }

    private static BigDecimal wallet(CustomerSnapshot c) {
        return c.wallet() == null || c.wallet().amount() == null
                ? null
                : new BigDecimal(c.wallet().amount());
    }

    /**
     * Applies value facts set-based: each business key counts once (also when it repeats inside {@code facts}: the
     * first one counts), facts about a merged record go to its survivor, unknown customers get a stub profile; then
     * one multi-row upsert each for the month figures and the categories and one update of first/last purchase.
     *
     * @return the customers whose classes the applied facts may have changed
     */
    public Set<UUID> apply(List<ValueFact> facts) {
        if (facts.isEmpty()) {
            return Set.of();
        }
        Map<String, ValueFact> byKey = new LinkedHashMap<>();
        facts.forEach(f -> byKey.putIfAbsent(f.key(), f));
        Set<String> fresh = new HashSet<>(db.list(
                "insert into applied_fact (fact_key) select unnest(?::text[])"
                        + " on conflict do nothing returning fact_key",
                rs -> rs.getString(1),
                (Object) byKey.keySet().toArray(String[]::new)));
        List<ValueFact> applied =
                byKey.values().stream().filter(f -> fresh.contains(f.key())).toList();
        if (applied.isEmpty()) {
            return Set.of();
        }
        MonthTotals totals = MonthTotals.of(
                applied, liveIds(applied.stream().map(ValueFact::customerId).collect(Collectors.toSet())));
        List<MonthTotals.Month> months = totals.months();
        db.update(
                "insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints)"
                        + " select * from unnest(?::uuid[], ?::text[]::date[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[],"
                        + " ?::int[], ?::int[]) on conflict (customer_id, month) do update set"
                        + " revenue = value_month.revenue + excluded.revenue, cogs = value_month.cogs + excluded.cogs,"
                        + " refunds = value_month.refunds + excluded.refunds,"
                        + " cost_to_serve = value_month.cost_to_serve + excluded.cost_to_serve,"
                        + " purchases = value_month.purchases + excluded.purchases, complaints = value_month.complaints + excluded.complaints",
                months.stream().map(MonthTotals.Month::customerId).toArray(UUID[]::new),
                months.stream().map(m -> m.month().toString()).toArray(String[]::new),
                months.stream().map(MonthTotals.Month::revenue).toArray(BigDecimal[]::new),
                months.stream().map(MonthTotals.Month::cogs).toArray(BigDecimal[]::new),
                months.stream().map(MonthTotals.Month::refunds).toArray(BigDecimal[]::new),
                months.stream().map(MonthTotals.Month::costToServe).toArray(BigDecimal[]::new),
                months.stream().map(MonthTotals.Month::purchases).toArray(Integer[]::new),
                months.stream().map(MonthTotals.Month::complaints).toArray(Integer[]::new));
        List<MonthTotals.Category> categories = totals.categories();
        if (!categories.isEmpty()) {
            db.update(
                    "insert into category_month (customer_id, month, category, purchases)"
                            + " select * from unnest(?::uuid[], ?::text[]::date[], ?::text[], ?::int[])"
                            + " on conflict (customer_id, month, category) do update set purchases = category_month.purchases + excluded.purchases",
                    categories.stream().map(MonthTotals.Category::customerId).toArray(UUID[]::new),
                    categories.stream().map(c -> c.month().toString()).toArray(String[]::new),
                    categories.stream().map(MonthTotals.Category::category).toArray(String[]::new),
                    categories.stream().map(MonthTotals.Category::purchases).toArray(Integer[]::new));
        }
        List<MonthTotals.Category> skus = totals.skus();
        if (!skus.isEmpty()) {
            db.update(
                    "insert into sku_month (customer_id, month, sku, purchases)"
                            + " select * from unnest(?::uuid[], ?::text[]::date[], ?::text[], ?::int[])"
                            + " on conflict (customer_id, month, sku) do update set purchases = sku_month.purchases + excluded.purchases",
                    skus.stream().map(MonthTotals.Category::customerId).toArray(UUID[]::new),
                    skus.stream().map(c -> c.month().toString()).toArray(String[]::new),
                    skus.stream().map(MonthTotals.Category::category).toArray(String[]::new),
                    skus.stream().map(MonthTotals.Category::purchases).toArray(Integer[]::new));
        }
        List<MonthTotals.PurchaseSpan> spans = totals.purchases();
        if (!spans.isEmpty()) {
            db.update(
                    "update customer_profile p set first_purchase_at = least(p.first_purchase_at, u.first_at),"
                            + " last_purchase_at = greatest(p.last_purchase_at, u.last_at), customer_since = least(p.customer_since, u.first_at),"
                            + " updated_at = now() from unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[]::timestamptz[]) u(id, first_at, last_at)"
                            + " where p.customer_id = u.id",
                    spans.stream().map(MonthTotals.PurchaseSpan::customerId).toArray(UUID[]::new),
                    spans.stream().map(s -> s.first().toString()).toArray(String[]::new),
                    spans.stream().map(s -> s.last().toString()).toArray(String[]::new));
        }
        return totals.reclassify();
    }

    /**
     * Merges, for a run of consecutive merges of a poll in a constant number of statements (issue 18), with the result
     * of applying them one by one in their order: a merge sends the duplicate to the end of its survivor's merge chain
     * as it stands after the merges before it. The duplicate's figures are added to the survivor's (month by month),
     * its categories and SKUs join the survivor's, the survivor keeps its own wallet and kind when known (else takes the
     * duplicate's), target flags combine, the earlier customer-since and first purchase and the later last purchase
     * win; the duplicate becomes a tombstone pointing at the survivor (so do the tombstones that pointed at it) and
     * loses its classes. A survivor already erased takes no kind, wallet or target (its erasure may travel on another
     * partition and arrive first). Stubs for unseen ids first, then every profile row the merges touch is locked in
     * customer id order, so two polls cannot deadlock on them.
     *
     * @return the survivors (their classes may change)
     */
    public Set<UUID> merged(List<CustomerMerged> merges) {
        if (merges.isEmpty()) {
            return Set.of();
        }
        Comparator<UUID> idOrder = Comparator.comparing(UUID::toString);
        Set<UUID> ids = new TreeSet<>(idOrder);
        Set<UUID> duplicates = new TreeSet<>(idOrder);
        for (CustomerMerged m : merges) {
            ids.add(UUID.fromString(m.survivorId()));
            ids.add(UUID.fromString(m.mergedId()));
            duplicates.add(UUID.fromString(m.mergedId()));
        }
        UUID[] sorted = ids.toArray(UUID[]::new);
        db.update("insert into customer_profile (customer_id) select unnest(?::uuid[]) on conflict do nothing", (Object)
                sorted);
        Map<UUID, MergeRow> rows = new HashMap<>();
        db.list(
                """
                with recursive chain (id, hops) as (
                    select unnest(?::uuid[]), 0
                    union
                    select p.merged_into, c.hops + 1 from chain c join customer_profile p on p.customer_id = c.id
                     where p.merged_into is not null and c.hops < ?)
                select p.customer_id, p.kind, p.wallet, p.target, p.customer_since, p.first_purchase_at,
                       p.last_purchase_at, p.merged_into, p.erased
                  from customer_profile p
                 where p.customer_id in (select id from chain) or p.merged_into = any(?::uuid[])
                 order by p.customer_id for update of p
                """,
                rs -> rows.put(
                        rs.getObject(1, UUID.class),
                        new MergeRow(
                                rs.getString(2),
                                rs.getBigDecimal(3),
                                rs.getBoolean(4),
                                Db.instant(rs, "customer_since"),
                                Db.instant(rs, "first_purchase_at"),
                                Db.instant(rs, "last_purchase_at"),
                                rs.getObject(8, UUID.class),
                                rs.getBoolean(9))),
                sorted,
                MAX_MERGE_HOPS,
                duplicates.toArray(UUID[]::new));

        Map<UUID, UUID> holder = new TreeMap<>(idOrder); // a duplicate's own figures -> where they are now
        Set<UUID> survivors = new LinkedHashSet<>();
        Set<UUID> tombstones = new TreeSet<>(idOrder);
        for (CustomerMerged m : merges) {
            UUID duplicate = UUID.fromString(m.mergedId());
            UUID survivor = live(UUID.fromString(m.survivorId()), rows);
            if (duplicate.equals(survivor)) {
                continue;
            }
            holder.replaceAll((owner, at) -> at.equals(duplicate) ? survivor : at);
            holder.putIfAbsent(duplicate, survivor);
            MergeRow d = rows.get(duplicate);
            MergeRow s = rows.get(survivor);
            if (d.mergedInto == null) {
                if (!s.erased) {
                    s.wallet = s.wallet != null ? s.wallet : d.wallet;
                    s.kind = s.kind != null ? s.kind : d.kind;
                    s.target = s.target || d.target;
                }
                s.since = least(s.since, d.since);
                s.first = least(s.first, d.first);
                s.last = d.last == null || (s.last != null && s.last.isAfter(d.last)) ? s.last : d.last;
                s.changed = s.stamped = true;
            }
            rows.values().stream().filter(r -> duplicate.equals(r.mergedInto)).forEach(r -> {
                r.mergedInto = survivor;
                r.changed = true;
            });
            d.mergedInto = survivor;
            d.wallet = null;
            d.target = false;
            d.first = null;
            d.last = null;
            d.changed = d.stamped = true;
            tombstones.add(duplicate);
            survivors.add(survivor);
        }
        if (tombstones.isEmpty()) {
            return Set.of();
        }
        moveFigures(holder);
        List<Map.Entry<UUID, MergeRow>> changed = rows.entrySet().stream()
                .filter(e -> e.getValue().changed)
                .sorted(Map.Entry.comparingByKey(idOrder))
                .toList();
        db.update(
                """
                update customer_profile p set kind = u.kind, wallet = u.wallet, target = u.target,
                       customer_since = u.since, first_purchase_at = u.first_at, last_purchase_at = u.last_at,
                       merged_into = u.merged_into, updated_at = case when u.stamped then now() else p.updated_at end
                  from unnest(?::uuid[], ?::text[], ?::numeric[], ?::text[]::boolean[], ?::text[]::timestamptz[],
                              ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::uuid[], ?::text[]::boolean[])
                       u (id, kind, wallet, target, since, first_at, last_at, merged_into, stamped)
                 where p.customer_id = u.id
                """,
                changed.stream().map(Map.Entry::getKey).toArray(UUID[]::new),
                changed.stream().map(e -> e.getValue().kind).toArray(String[]::new),
                changed.stream().map(e -> e.getValue().wallet).toArray(BigDecimal[]::new),
                changed.stream().map(e -> Boolean.toString(e.getValue().target)).toArray(String[]::new),
                changed.stream().map(e -> text(e.getValue().since)).toArray(String[]::new),
                changed.stream().map(e -> text(e.getValue().first)).toArray(String[]::new),
                changed.stream().map(e -> text(e.getValue().last)).toArray(String[]::new),
                changed.stream().map(e -> e.getValue().mergedInto).toArray(UUID[]::new),
                changed.stream()
                        .map(e -> Boolean.toString(e.getValue().stamped))
                        .toArray(String[]::new));
        db.update("delete from customer_segment where customer_id = any(?::uuid[])", (Object)
                tombstones.toArray(UUID[]::new));
        return survivors;
    }

    /**
     * Every duplicate's month figures, categories and SKUs added to where they end (one statement per table), then
     * removed from the duplicates (one per table); an end is never a duplicate of the same poll (it is live).
     */
    private void moveFigures(Map<UUID, UUID> holder) {
        UUID[] from = holder.keySet().toArray(UUID[]::new);
        UUID[] to = holder.values().toArray(UUID[]::new);
        db.update("""
                insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints)
                select m.dst, v.month, sum(v.revenue), sum(v.cogs), sum(v.refunds), sum(v.cost_to_serve), sum(v.purchases),
                       sum(v.complaints)
                  from value_month v join unnest(?::uuid[], ?::uuid[]) m (src, dst) on v.customer_id = m.src
                 group by m.dst, v.month order by m.dst, v.month
                on conflict (customer_id, month) do update set revenue = value_month.revenue + excluded.revenue,
                    cogs = value_month.cogs + excluded.cogs, refunds = value_month.refunds + excluded.refunds,
                    cost_to_serve = value_month.cost_to_serve + excluded.cost_to_serve,
                    purchases = value_month.purchases + excluded.purchases, complaints = value_month.complaints + excluded.complaints
                """, from, to);
        db.update("delete from value_month where customer_id = any(?::uuid[])", (Object) from);
        for (String[] table : new String[][] {{"category_month", "category"}, {"sku_month", "sku"}}) {
            db.update("""
                    insert into %1$s (customer_id, month, %2$s, purchases)
                    select m.dst, c.month, c.%2$s, sum(c.purchases)
                      from %1$s c join unnest(?::uuid[], ?::uuid[]) m (src, dst) on c.customer_id = m.src
                     group by m.dst, c.month, c.%2$s order by m.dst, c.month, c.%2$s
                    on conflict (customer_id, month, %2$s) do update set purchases = %1$s.purchases + excluded.purchases
                    """.formatted(table[0], table[1]), from, to);
            db.update("delete from %s where customer_id = any(?::uuid[])".formatted(table[0]), (Object) from);
        }
    }

    /** The end of {@code id}'s merge chain among the locked rows. */
    private static UUID live(UUID id, Map<UUID, MergeRow> rows) {
        UUID current = id;
        for (int hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
            MergeRow row = rows.get(current);
            if (row == null) {
                break;
            }
            if (row.mergedInto == null) {
                return current;
            }
            current = row.mergedInto;
        }
        throw new IllegalStateException("merge chain of " + id + " is longer than " + MAX_MERGE_HOPS);
    }

    private static Instant least(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    /** A profile row a run of merges reads and writes. */
    private static final class MergeRow {
        String kind;
        BigDecimal wallet;
        boolean target;
        Instant since;
        Instant first;
        Instant last;
        UUID mergedInto;
        final boolean erased;
        boolean changed;
        boolean stamped;

        MergeRow(
                String kind,
                BigDecimal wallet,
                boolean target,
                Instant since,
                Instant first,
                Instant last,
                UUID mergedInto,
                boolean erased) {
            this.kind = kind;
            this.wallet = wallet;
            this.target = target;
            this.since = since;
            this.first = first;
            this.last = last;
            this.mergedInto = mergedInto;
            this.erased = erased;
        }
    }

    /**
     * Forget the people, in ONE statement for all of them: wallet, kind, target flag, classes and class history go; the
     * figures stay, keyed by id only (a profile is created for a customer never seen).
     */
    public void erased(Set<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        UUID[] ids = customerIds.stream()
                .sorted(Comparator.comparing(UUID::toString))
                .toArray(UUID[]::new);
        db.count("""
                with e as (
                    insert into customer_profile as p (customer_id, erased) select unnest(?::uuid[]), true
                    on conflict (customer_id) do update set erased = true, kind = null, wallet = null, target = false,
                        updated_at = now()
                    returning p.customer_id),
                s as (delete from customer_segment where customer_id = any(?::uuid[])),
                h as (delete from segment_change where customer_id = any(?::uuid[]))
                select count(*) from e
                """, ids, ids, ids);
    }

    /**
     * Where the facts of these customers go, in ONE statement: stub profiles for the unseen ones, then the end of each
     * merge chain for those merged away (an id that stands for itself is left out; a new stub is merged nowhere).
     */
    private Map<UUID, UUID> liveIds(Set<UUID> ids) {
        UUID[] sorted =
                ids.stream().sorted(Comparator.comparing(UUID::toString)).toArray(UUID[]::new);
        Map<UUID, UUID> live = new HashMap<>();
        db.list(
                """
                with recursive stubs as (
                    insert into customer_profile (customer_id) select unnest(?::uuid[]) on conflict do nothing),
                chain (id, current, hops) as (
                    select customer_id, merged_into, 1 from customer_profile
                     where customer_id = any(?::uuid[]) and merged_into is not null
                    union all
                    select c.id, p.merged_into, c.hops + 1 from chain c join customer_profile p on p.customer_id = c.current
                     where p.merged_into is not null and c.hops < ?)
                select distinct on (id) id, current, hops from chain order by id, hops desc
                """,
                rs -> {
                    if (rs.getInt(3) >= MAX_MERGE_HOPS) {
                        throw new IllegalStateException(
                                "merge chain of " + rs.getObject(1) + " is longer than " + MAX_MERGE_HOPS);
                    }
                    return live.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                },
                sorted,
                sorted,
                MAX_MERGE_HOPS);
        return live;
    }
}
