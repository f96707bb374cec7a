package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Facts summed per customer and month, categories counted per customer, month and category, and the first and last
 * purchase per customer: what a batch of facts adds to the month tables, one row per key (so one multi-row upsert
 * touches each row once). Facts are first moved to the customer they now belong to ({@code liveIds}: a merged
 * record's facts go to its survivor). Rows are ordered by customer, month (and category), the order the database
 * locks them in, so concurrent batches cannot deadlock on them.
 */
public final class MonthTotals {
    private static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::toString);

    /** The sums of one customer's facts in one month. */
    public record Month(
            UUID customerId,
            LocalDate month,
            BigDecimal revenue,
            BigDecimal cogs,
            BigDecimal refunds,
            BigDecimal costToServe,
            int purchases,
            int complaints) {

        Month plus(ValueFact f) {
            return new Month(
                    customerId,
                    month,
                    revenue.add(f.revenue()),
                    cogs.add(f.cogs()),
                    refunds.add(f.refunds()),
                    costToServe.add(f.costToServe()),
                    purchases + f.purchases(),
                    complaints + f.complaints());
        }
    }

    /** Purchases of one customer in one month and category (or SKU, in {@link #skus()}). */
    public record Category(UUID customerId, LocalDate month, String category, int purchases) {}

    /** A customer's earliest and latest purchase among the facts. */
    public record PurchaseSpan(UUID customerId, Instant first, Instant last) {}

    private final List<Month> months;
    private final List<Category> categories;
    private final List<Category> skus;
    private final List<PurchaseSpan> purchases;
    private final Set<UUID> reclassify;

    private MonthTotals(
            List<Month> months,
            List<Category> categories,
            List<Category> skus,
            List<PurchaseSpan> purchases,
            Set<UUID> reclassify) {
        this.months = months;
        this.categories = categories;
        this.skus = skus;
        this.purchases = purchases;
        this.reclassify = reclassify;
    }

    /**
     * @param liveIds the customer each fact's customer id now stands for (an id missing here stands for itself)
     */
    public static MonthTotals of(Collection<ValueFact> facts, Map<UUID, UUID> liveIds) {
        record MonthKey(UUID customerId, LocalDate month) {}
        record CategoryKey(UUID customerId, LocalDate month, String category) {}
        Comparator<MonthKey> monthOrder =
                Comparator.comparing(MonthKey::customerId, UUID_ORDER).thenComparing(MonthKey::month);
        Map<MonthKey, Month> months = new TreeMap<>(monthOrder);
        Comparator<CategoryKey> categoryOrder = Comparator.comparing(CategoryKey::customerId, UUID_ORDER)
                .thenComparing(CategoryKey::month)
                .thenComparing(CategoryKey::category);
        Map<CategoryKey, Integer> categories = new TreeMap<>(categoryOrder);
        Map<CategoryKey, Integer> skus = new TreeMap<>(categoryOrder);
        Map<UUID, PurchaseSpan> spans = new TreeMap<>(UUID_ORDER);
        Set<UUID> reclassify = new LinkedHashSet<>();
        for (ValueFact f : facts) {
            UUID id = liveIds.getOrDefault(f.customerId(), f.customerId());
            MonthKey key = new MonthKey(id, f.month());
            months.compute(
                    key,
                    (k, m) -> (m == null
                                    ? new Month(
                                            id,
                                            f.month(),
                                            BigDecimal.ZERO,
                                            BigDecimal.ZERO,
                                            BigDecimal.ZERO,
                                            BigDecimal.ZERO,
                                            0,
                                            0)
                                    : m)
                            .plus(f));
            for (String category : f.categories()) {
                categories.merge(new CategoryKey(id, f.month(), category), 1, Integer::sum);
            }
            for (String sku : f.skus()) {
                skus.merge(new CategoryKey(id, f.month(), sku), 1, Integer::sum);
            }
            if (f.purchasedAt() != null) {
                spans.merge(
                        id,
                        new PurchaseSpan(id, f.purchasedAt(), f.purchasedAt()),
                        (a, b) -> new PurchaseSpan(
                                id,
                                a.first().isBefore(b.first()) ? a.first() : b.first(),
                                a.last().isAfter(b.last()) ? a.last() : b.last()));
            }
            if (f.reclassifies()) {
                reclassify.add(id);
            }
        }
        List<Category> categoryRows = new ArrayList<>();
        categories.forEach((k, n) -> categoryRows.add(new Category(k.customerId(), k.month(), k.category(), n)));
        List<Category> skuRows = new ArrayList<>();
        skus.forEach((k, n) -> skuRows.add(new Category(k.customerId(), k.month(), k.category(), n)));
        return new MonthTotals(
                List.copyOf(months.values()),
                List.copyOf(categoryRows),
                List.copyOf(skuRows),
                List.copyOf(spans.values()),
                Set.copyOf(reclassify));
    }

    public List<Month> months() {
        return months;
    }

    public List<Category> categories() {
        return categories;
    }

    /** Purchases per customer, month and SKU ({@code category} holds the SKU). */
    public List<Category> skus() {
        return skus;
    }

    public List<PurchaseSpan> purchases() {
        return purchases;
    }

    /** The customers whose classes the facts may change. */
    public Set<UUID> reclassify() {
        return reclassify;
    }
}
