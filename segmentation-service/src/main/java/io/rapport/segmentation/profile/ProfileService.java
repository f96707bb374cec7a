package io.rapport.segmentation.profile;

import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.domain.MonthTotals;
import io.rapport.segmentation.domain.ValueFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
     * The merged record's figures are added to the survivor's (month by month), its categories join the
     * survivor's, the survivor keeps its own wallet when known (else takes the merged one), target flags
     * combine; the merged record becomes a tombstone pointing at the survivor and loses its classes.
     */
    public Optional<UUID> merged(CustomerMerged m) {
        UUID merged = UUID.fromString(m.mergedId());
        UUID survivor = live(UUID.fromString(m.survivorId()));
        if (merged.equals(survivor)) {
            return Optional.empty();
        }
        ensure(merged);
        db.update(
                "insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints)"
                        + " select ?, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints from value_month where customer_id = ?"
                        + " on conflict (customer_id, month) do update set revenue = value_month.revenue + excluded.revenue,"
                        + " cogs = value_month.cogs + excluded.cogs, refunds = value_month.refunds + excluded.refunds,"
                        + " cost_to_serve = value_month.cost_to_serve + excluded.cost_to_serve,"
                        + " purchases = value_month.purchases + excluded.purchases, complaints = value_month.complaints + excluded.complaints",
                survivor,
                merged);
        db.update("delete from value_month where customer_id = ?", merged);
        db.update(
                "insert into category_month (customer_id, month, category, purchases)"
                        + " select ?, month, category, purchases from category_month where customer_id = ?"
                        + " on conflict (customer_id, month, category) do update set purchases = category_month.purchases + excluded.purchases",
                survivor,
                merged);
        db.update("delete from category_month where customer_id = ?", merged);
        db.update(
                "insert into sku_month (customer_id, month, sku, purchases)"
                        + " select ?, month, sku, purchases from sku_month where customer_id = ?"
                        + " on conflict (customer_id, month, sku) do update set purchases = sku_month.purchases + excluded.purchases",
                survivor,
                merged);
        db.update("delete from sku_month where customer_id = ?", merged);
        db.update(
                "update customer_profile s set wallet = coalesce(s.wallet, m.wallet), target = s.target or m.target,"
                        + " kind = coalesce(s.kind, m.kind), customer_since = least(s.customer_since, m.customer_since),"
                        + " first_purchase_at = least(s.first_purchase_at, m.first_purchase_at),"
                        + " last_purchase_at = greatest(s.last_purchase_at, m.last_purchase_at), updated_at = now()"
                        + " from customer_profile m where s.customer_id = ? and m.customer_id = ? and m.merged_into is null",
                survivor,
                merged);
        db.update(
                "update customer_profile set merged_into = ?, wallet = null, target = false, first_purchase_at = null,"
                        + " last_purchase_at = null, updated_at = now() where customer_id = ?",
                survivor,
                merged);
        db.update("update customer_profile set merged_into = ? where merged_into = ?", survivor, merged);
        db.update("delete from customer_segment where customer_id = ?", merged);
        return Optional.of(survivor);
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

    /** The id facts should go to: the end of the merge chain; a stub profile when unseen. */
    private UUID live(UUID id) {
        UUID current = id;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            UUID next = db.one(
                            "select merged_into from customer_profile where customer_id = ?",
                            rs -> rs.getObject(1, UUID.class),
                            current)
                    .orElse(null);
            if (next == null) {
                ensure(current);
                return current;
            }
            current = next;
        }
        throw new IllegalStateException("merge chain of " + id + " is longer than " + MAX_MERGE_HOPS);
    }

    private void ensure(UUID id) {
        db.update("insert into customer_profile (customer_id) values (?) on conflict do nothing", id);
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
