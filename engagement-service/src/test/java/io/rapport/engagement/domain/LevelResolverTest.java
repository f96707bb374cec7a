package io.rapport.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.LevelResolver.SchemeClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelResolverTest {

    @Test
    void withoutAMappingTheRecommendationOfTheClassApplies() {
        assertThat(LevelResolver.resolve(List.of(new SchemeClass("ABC", "B", Level.ACCOUNTABLE)), Map.of()))
                .contains(Level.ACCOUNTABLE);
    }

    @Test
    void aMappingOverridesTheRecommendationOfItsClass() {
        assertThat(LevelResolver.resolve(
                        List.of(new SchemeClass("ABC", "B", Level.ACCOUNTABLE)),
                        Map.of(LevelResolver.key("ABC", "B"), Level.REACTIVE)))
                .contains(Level.REACTIVE);
    }

    @Test
    void theHighestLevelAcrossSchemesWins() {
        List<SchemeClass> classes =
                List.of(new SchemeClass("ABC", "C", Level.BASIC), new SchemeClass("VALUE", "MVC", Level.PARTNERSHIP));
        assertThat(LevelResolver.resolve(classes, Map.of())).contains(Level.PARTNERSHIP);
    }

    @Test
    void noClassOrNoRecommendationGivesNoLevel() {
        assertThat(LevelResolver.resolve(List.of(), Map.of())).isEmpty();
        assertThat(LevelResolver.resolve(List.of(new SchemeClass("ABC", "A", null)), Map.of()))
                .isEmpty();
    }

    @Test
    void theReasonCitesTheCurrentClassesAndWhatEachGives() {
        List<SchemeClass> classes =
                List.of(new SchemeClass("ABC", "A", Level.ACCOUNTABLE), new SchemeClass("VALUE", "BZ", null));
        assertThat(LevelResolver.reason(classes, Map.of(LevelResolver.key("VALUE", "BZ"), Level.BASIC)))
                .isEqualTo("ABC A (recommends ACCOUNTABLE), VALUE BZ (mapped to BASIC)");
    }
}
