package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One value fact about a customer, counted once per business key ({@code purchase:<id>}, {@code refund:<id>},
 * {@code cost:<id>}, {@code complaint:<id>}) in the calendar month (UTC) it happened. A refund gives money back
 * ({@code refunds}) and lowers the cost of goods by the cost of the goods returned (a negative {@code cogs}).
 *
 * @param purchasedAt when it is a purchase: its time (first/last purchase, tenure); else null
 * @param categories the distinct product categories of a purchase (each counts one purchase in its month)
 * @param skus the distinct SKUs of a purchase (each counts one purchase in its month)
 * @param reclassifies whether the fact can change the customer's classes (complaints do not)
 */
public record ValueFact(
        String key,
        UUID customerId,
        LocalDate month,
        Instant purchasedAt,
        BigDecimal revenue,
        BigDecimal cogs,
        BigDecimal refunds,
        BigDecimal costToServe,
        int purchases,
        int complaints,
        Set<String> categories,
        Set<String> skus,
        boolean reclassifies) {

    public ValueFact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(month, "month");
        categories = Set.copyOf(categories);
        skus = Set.copyOf(skus);
    }

    public static ValueFact purchase(
            String id, UUID customer, Instant at, BigDecimal total, BigDecimal costOfGoods, Set<String> categories) {
        return purchase(id, customer, at, total, costOfGoods, categories, Set.of());
    }

    public static ValueFact purchase(
            String id,
            UUID customer,
            Instant at,
            BigDecimal total,
            BigDecimal costOfGoods,
            Set<String> categories,
            Set<String> skus) {
        return new ValueFact(
                "purchase:" + id,
                customer,
                month(at),
                at,
                total,
                costOfGoods,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                1,
                0,
                categories,
                skus,
                true);
    }

    public static ValueFact refund(
            String id, UUID customer, Instant at, BigDecimal amount, BigDecimal costOfGoodsReturned) {
        return new ValueFact(
                "refund:" + id,
                customer,
                month(at),
                null,
                BigDecimal.ZERO,
                costOfGoodsReturned.negate(),
                amount,
                BigDecimal.ZERO,
                0,
                0,
                Set.of(),
                Set.of(),
                true);
    }

    public static ValueFact cost(String id, UUID customer, Instant at, BigDecimal amount) {
        return new ValueFact(
                "cost:" + id,
                customer,
                month(at),
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                amount,
                0,
                0,
                Set.of(),
                Set.of(),
                true);
    }

    /** A complaint counts once per complaint id (a reopened complaint is not a new one). */
    public static ValueFact complaint(String id, UUID customer, Instant at) {
        return new ValueFact(
                "complaint:" + id,
                customer,
                month(at),
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                1,
                Set.of(),
                Set.of(),
                false);
    }

    /** The first day of the UTC calendar month of {@code at}. */
    public static LocalDate month(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }
}
