package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarnCalculatorTest {
    static final Instant AT = Instant.parse("2026-05-10T10:00:00Z");

    @Test
    void pointsPerCurrencyUnitTimesTierMultiplierRoundedDown() {
        var earn = EarnCalculator.compute(
                List.of(new EarnCalculator.Line("tv", new BigDecimal("99.99"))),
                BigDecimal.ONE,
                new BigDecimal("1.5"),
                List.of(),
                AT);
        assertThat(earn.points()).isEqualTo(149); // 149.985 -> 149
        assertThat(earn.spend()).isEqualByComparingTo("99.99");
    }

    @Test
    void theBestMatchingBonusAppliesPerLineWithinItsPeriod() {
        var kitchen = new EarnCalculator.Bonus(
                "Kitchen week",
                "kitchen",
                Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-05-08T00:00:00Z"),
                new BigDecimal("3"));
        var everything = new EarnCalculator.Bonus("Spring", null, null, null, new BigDecimal("2"));
        List<EarnCalculator.Line> lines = List.of(
                new EarnCalculator.Line("kitchen", new BigDecimal("100")),
                new EarnCalculator.Line("tv", new BigDecimal("50")));
        assertThat(EarnCalculator.compute(
                                lines,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                List.of(kitchen, everything),
                                Instant.parse("2026-05-05T00:00:00Z"))
                        .points())
                .isEqualTo(300 + 100);
        assertThat(EarnCalculator.compute(lines, BigDecimal.ONE, BigDecimal.ONE, List.of(kitchen, everything), AT)
                        .points())
                .isEqualTo(200 + 100);
        assertThat(EarnCalculator.compute(lines, BigDecimal.ONE, BigDecimal.ONE, List.of(kitchen), AT)
                        .points())
                .isEqualTo(150);
    }
}
