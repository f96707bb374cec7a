package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Kotler's matrix: the relationship level that fits a class, by how many customers it has and its margin.
 * Size: the class's share of classified customers in percent; many at or above {@code manyPercent}, few
 * below {@code fewPercent}, medium between. Margin: the class's gross margin per customer divided by the
 * gross margin per customer over everyone (the margin index); high at or above {@code highIndex}, low
 * below {@code lowIndex} (and whenever the overall margin is not positive), medium between.
 * "Many customers, low margin" (BASIC or REACTIVE in the book) is BASIC.
 */
public record KotlerMatrix(BigDecimal manyPercent, BigDecimal fewPercent, BigDecimal highIndex, BigDecimal lowIndex) {

    public enum Size {
        MANY,
        MEDIUM,
        FEW
    }

    public enum Margin {
        HIGH,
        MEDIUM,
        LOW
    }

    private static final RelationshipLevel[][] LEVELS = {
        // high, medium, low margin
        {RelationshipLevel.ACCOUNTABLE, RelationshipLevel.REACTIVE, RelationshipLevel.BASIC}, // many
        {RelationshipLevel.PROACTIVE, RelationshipLevel.ACCOUNTABLE, RelationshipLevel.REACTIVE}, // medium
        {RelationshipLevel.PARTNERSHIP, RelationshipLevel.PROACTIVE, RelationshipLevel.ACCOUNTABLE}, // few
    };

    public static RelationshipLevel level(Size size, Margin margin) {
        return LEVELS[size.ordinal()][margin.ordinal()];
    }

    /**
     * The matrix's inputs and answer for one class.
     *
     * @param sharePercent the class's share of the classified customers in percent (0 when there are none)
     * @param marginIndex the class's gross margin per customer / that of everyone; null when it cannot be computed
     *        (no customers, or the overall margin is not positive: then the margin is LOW)
     */
    public record Assessment(
            BigDecimal sharePercent, BigDecimal marginIndex, Size size, Margin margin, RelationshipLevel level) {}

    public Assessment assess(long classCustomers, BigDecimal classMargin, long allCustomers, BigDecimal allMargin) {
        BigDecimal share = allCustomers <= 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(classCustomers * 100L)
                        .divide(BigDecimal.valueOf(allCustomers), MathContext.DECIMAL64);
        Size size = allCustomers <= 0
                ? Size.FEW
                : share.compareTo(manyPercent) >= 0
                        ? Size.MANY
                        : share.compareTo(fewPercent) < 0 ? Size.FEW : Size.MEDIUM;
        BigDecimal index = null;
        Margin margin = Margin.LOW;
        if (classCustomers > 0 && allCustomers > 0 && allMargin.signum() > 0) {
            BigDecimal classAverage = classMargin.divide(BigDecimal.valueOf(classCustomers), MathContext.DECIMAL64);
            BigDecimal average = allMargin.divide(BigDecimal.valueOf(allCustomers), MathContext.DECIMAL64);
            index = classAverage.divide(average, MathContext.DECIMAL64);
            margin = index.compareTo(highIndex) >= 0
                    ? Margin.HIGH
                    : index.compareTo(lowIndex) < 0 ? Margin.LOW : Margin.MEDIUM;
        }
        return new Assessment(share, index, size, margin, level(size, margin));
    }

    public Size size(long classCustomers, long allCustomers) {
        return assess(classCustomers, BigDecimal.ZERO, allCustomers, BigDecimal.ZERO)
                .size();
    }

    public Margin margin(BigDecimal classMargin, long classCustomers, BigDecimal allMargin, long allCustomers) {
        return assess(classCustomers, classMargin, allCustomers, allMargin).margin();
    }

    public RelationshipLevel recommend(
            long classCustomers, BigDecimal classMargin, long allCustomers, BigDecimal allMargin) {
        return assess(classCustomers, classMargin, allCustomers, allMargin).level();
    }
}
