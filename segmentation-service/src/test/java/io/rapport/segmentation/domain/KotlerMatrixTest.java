package io.rapport.segmentation.domain;

import static io.rapport.segmentation.domain.KotlerMatrix.level;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class KotlerMatrixTest {
    private final KotlerMatrix matrix = new KotlerMatrix(
            BigDecimal.valueOf(40), BigDecimal.valueOf(10), new BigDecimal("1.5"), new BigDecimal("0.5"));

    @Test
    void theMatrixOfTheBook() {
        assertThat(level(KotlerMatrix.Size.MANY, KotlerMatrix.Margin.HIGH)).isEqualTo(RelationshipLevel.ACCOUNTABLE);
        assertThat(level(KotlerMatrix.Size.MANY, KotlerMatrix.Margin.MEDIUM)).isEqualTo(RelationshipLevel.REACTIVE);
        assertThat(level(KotlerMatrix.Size.MANY, KotlerMatrix.Margin.LOW)).isEqualTo(RelationshipLevel.BASIC);
        assertThat(level(KotlerMatrix.Size.MEDIUM, KotlerMatrix.Margin.HIGH)).isEqualTo(RelationshipLevel.PROACTIVE);
        assertThat(level(KotlerMatrix.Size.MEDIUM, KotlerMatrix.Margin.MEDIUM))
                .isEqualTo(RelationshipLevel.ACCOUNTABLE);
        assertThat(level(KotlerMatrix.Size.MEDIUM, KotlerMatrix.Margin.LOW)).isEqualTo(RelationshipLevel.REACTIVE);
        assertThat(level(KotlerMatrix.Size.FEW, KotlerMatrix.Margin.HIGH)).isEqualTo(RelationshipLevel.PARTNERSHIP);
        assertThat(level(KotlerMatrix.Size.FEW, KotlerMatrix.Margin.MEDIUM)).isEqualTo(RelationshipLevel.PROACTIVE);
        assertThat(level(KotlerMatrix.Size.FEW, KotlerMatrix.Margin.LOW)).isEqualTo(RelationshipLevel.ACCOUNTABLE);
    }

    @Test
    void sizeBandsByShareOfCustomers() {
        assertThat(matrix.size(40, 100)).isEqualTo(KotlerMatrix.Size.MANY);
        assertThat(matrix.size(39, 100)).isEqualTo(KotlerMatrix.Size.MEDIUM);
        assertThat(matrix.size(10, 100)).isEqualTo(KotlerMatrix.Size.MEDIUM);
        assertThat(matrix.size(9, 100)).isEqualTo(KotlerMatrix.Size.FEW);
    }

    @Test
    void marginBandsByMarginPerCustomerAgainstTheAverage() {
        // average margin per customer 10; class of 10 customers
        assertThat(matrix.margin(BigDecimal.valueOf(150), 10, BigDecimal.valueOf(1000), 100))
                .isEqualTo(KotlerMatrix.Margin.HIGH);
        assertThat(matrix.margin(BigDecimal.valueOf(149), 10, BigDecimal.valueOf(1000), 100))
                .isEqualTo(KotlerMatrix.Margin.MEDIUM);
        assertThat(matrix.margin(BigDecimal.valueOf(50), 10, BigDecimal.valueOf(1000), 100))
                .isEqualTo(KotlerMatrix.Margin.MEDIUM);
        assertThat(matrix.margin(BigDecimal.valueOf(49), 10, BigDecimal.valueOf(1000), 100))
                .isEqualTo(KotlerMatrix.Margin.LOW);
        assertThat(matrix.margin(BigDecimal.valueOf(-5), 10, BigDecimal.valueOf(1000), 100))
                .isEqualTo(KotlerMatrix.Margin.LOW);
        assertThat(matrix.margin(BigDecimal.valueOf(50), 10, BigDecimal.valueOf(-1), 100))
                .isEqualTo(KotlerMatrix.Margin.LOW);
    }

    @Test
    void aTypicalParetoHeadIsFewAndHighMarginSoPartnership() {
        // 5% of customers with 60% of the margin
        assertThat(matrix.recommend(5, BigDecimal.valueOf(600), 100, BigDecimal.valueOf(1000)))
                .isEqualTo(RelationshipLevel.PARTNERSHIP);
        // the long tail: 80% of customers with 10% of the margin
        assertThat(matrix.recommend(80, BigDecimal.valueOf(100), 100, BigDecimal.valueOf(1000)))
                .isEqualTo(RelationshipLevel.BASIC);
    }

    @Test
    void theAssessmentShowsTheInputsOfTheLevel() {
        // 5 of 100 customers, margin per customer 120 against an average of 10
        KotlerMatrix.Assessment a = matrix.assess(5, BigDecimal.valueOf(600), 100, BigDecimal.valueOf(1000));
        assertThat(a.sharePercent()).isEqualByComparingTo("5");
        assertThat(a.marginIndex()).isEqualByComparingTo("12");
        assertThat(a.size()).isEqualTo(KotlerMatrix.Size.FEW);
        assertThat(a.margin()).isEqualTo(KotlerMatrix.Margin.HIGH);
        assertThat(a.level()).isEqualTo(RelationshipLevel.PARTNERSHIP);
        assertThat(matrix.assess(5, BigDecimal.valueOf(600), 100, BigDecimal.ZERO)
                        .marginIndex())
                .isNull();
    }
}
