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

    public enum Size { MANY, MEDIUM, FEW }

    public enum Margin { HIGH, MEDIUM, LOW }

    private static final RelationshipLevel[][] LEVELS = {
        // high, medium, low margin
        {RelationshipLevel.ACCOUNTABLE, RelationshipLevel.REACTIVE, RelationshipLevel.BASIC}, // many
        {RelationshipLevel.PROACTIVE, RelationshipLevel.ACCOUNTABLE, RelationshipLevel.REACTIVE}, // medium
        {RelationshipLevel.PARTNERSHIP, RelationshipLevel.PROACTIVE, RelationshipLevel.ACCOUNTABLE}, // few
    };

    public static RelationshipLevel level(Size size, Margin margin) {
        return LEVELS[size.ordinal()][margin.ordinal()];
    }

    public Size size(long classCustomers, long allCustomers) {
        if (allCustomers <= 0) {
            return Size.FEW;
        }
        BigDecimal share = BigDecimal.valueOf(classCustomers * 100L).divide(BigDecimal.valueOf(allCustomers), MathContext.DECIMAL64);
        if (share.compareTo(manyPercent) >= 0) {
            return Size.MANY;
        }
        return share.compareTo(fewPercent) < 0 ? Size.FEW : Size.MEDIUM;
    }

    public Margin margin(BigDecimal classMargin, long classCustomers, BigDecimal allMargin, long allCustomers) {
        if (classCustomers <= 0 || allCustomers <= 0 || allMargin.signum() <= 0) {
            return Margin.LOW;
        }
        BigDecimal classAverage = classMargin.divide(BigDecimal.valueOf(classCustomers), MathContext.DECIMAL64);
        BigDecimal average = allMargin.divide(BigDecimal.valueOf(allCustomers), MathContext.DECIMAL64);
        BigDecimal index = classAverage.divide(average, MathContext.DECIMAL64);
        if (index.compareTo(highIndex) >= 0) {
            return Margin.HIGH;
        }
        return index.compareTo(lowIndex) < 0 ? Margin.LOW : Margin.MEDIUM;
    }

    public RelationshipLevel recommend(long classCustomers, BigDecimal classMargin, long allCustomers, BigDecimal allMargin) {
        return level(size(classCustomers, allCustomers), margin(classMargin, classCustomers, allMargin, allCustomers));
    }
}
