package io.rapport.loyalty.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Points for a purchase: for each line, line total x points per currency unit x tier multiplier x the
 * best bonus multiplier matching the line's category and the purchase time (bonuses do not stack); the
 * sum is rounded down to whole points, so a customer is never credited a point not fully earned.
 */
public final class EarnCalculator {
    private EarnCalculator() {}

    public static Earn compute(
            List<Line> lines, BigDecimal pointsPerUnit, BigDecimal tierMultiplier, List<Bonus> bonuses, Instant at) {
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal spend = BigDecimal.ZERO;
        StringBuilder why = new StringBuilder();
        for (Line line : lines) {
            Optional<Bonus> bonus = bonuses.stream()
                    .filter(b -> b.applies(line.category(), at))
                    .max(Comparator.comparing(Bonus::multiplier).thenComparing(Bonus::name));
            BigDecimal factor = bonus.map(Bonus::multiplier).orElse(BigDecimal.ONE);
            exact = exact.add(line.amount()
                    .multiply(pointsPerUnit)
                    .multiply(tierMultiplier)
                    .multiply(factor));
            spend = spend.add(line.amount());
            bonus.ifPresent(b -> why.append("; bonus ")
                    .append(b.name())
                    .append(" x")
                    .append(plain(b.multiplier()))
                    .append(" on ")
                    .append(line.category()));
        }
        long points = Math.max(0, exact.setScale(0, RoundingMode.DOWN).longValueExact());
        String reason = plain(spend) + " x " + plain(pointsPerUnit) + " pt/unit x tier " + plain(tierMultiplier) + why;
        return new Earn(points, spend, reason);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** A purchase line: its amount in the programme currency and its category. */
    public record Line(String category, BigDecimal amount) {}

    /**
     * A bonus multiplier for a category (null: every category) during a period (null bounds: open).
     * {@code validTo} is exclusive.
     */
    public record Bonus(String name, String category, Instant validFrom, Instant validTo, BigDecimal multiplier) {
        boolean applies(String lineCategory, Instant at) {
            return (category == null || category.equalsIgnoreCase(lineCategory))
                    && (validFrom == null || !at.isBefore(validFrom))
                    && (validTo == null || at.isBefore(validTo));
        }
    }

    /** The points, the spend they came from, and how they were computed. */
    public record Earn(long points, BigDecimal spend, String reason) {}
}
