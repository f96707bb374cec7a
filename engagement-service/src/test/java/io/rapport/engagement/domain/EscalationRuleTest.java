package io.rapport.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationRuleTest {
    private static final Instant DUE = Instant.parse("2026-05-04T10:00:00Z");
    /** Notify the lead as soon as it is overdue; HIGH and CRITICAL go to the escalation team a day later. */
    private static final EscalationRule RULE = EscalationRule.parse(
            "after=PT0S notify=support-lead; after=PT24H severity=HIGH assign=complaint-escalations notify=support-manager,duty");

    private static Optional<Integer> level(Severity s, int current, String now) {
        return RULE.decide(s, DUE, current, Instant.parse(now)).map(EscalationRule.Level::number);
    }

    @Test
    void theSpecReadsLevelsInOrderWithTheirDelaySeverityAssigneeAndWhomToNotify() {
        assertThat(RULE.levels())
                .containsExactly(
                        new EscalationRule.Level(1, Duration.ZERO, Severity.LOW, null, List.of("support-lead")),
                        new EscalationRule.Level(
                                2,
                                Duration.ofHours(24),
                                Severity.HIGH,
                                "complaint-escalations",
                                List.of("support-manager", "duty")));
        assertThat(RULE.shortestDelay()).isZero();
        assertThat(EscalationRule.parse("none").levels()).isEmpty();
        assertThat(EscalationRule.parse(" ").levels()).isEmpty();
    }

    @Test
    void aComplaintNotYetPastItsDueDateIsNotEscalated() {
        assertThat(level(Severity.CRITICAL, 0, "2026-05-04T09:59:59Z")).isEmpty();
        assertThat(level(Severity.CRITICAL, 0, "2026-05-04T10:00:00Z")).isEmpty(); // due, not yet overdue
        assertThat(level(Severity.CRITICAL, 0, "2026-05-04T10:00:01Z")).contains(1);
    }

    @Test
    void eachLevelIsReachedOnceAndOnlyByTheSeveritiesItAppliesTo() {
        assertThat(level(Severity.LOW, 0, "2026-05-04T11:00:00Z")).contains(1);
        assertThat(level(Severity.LOW, 1, "2026-05-04T11:00:00Z")).isEmpty(); // already at level 1
        // a day and a second overdue: HIGH reaches level 2, LOW stays at level 1 (level 2 is for HIGH and above)
        assertThat(level(Severity.HIGH, 1, "2026-05-05T10:00:01Z")).contains(2);
        assertThat(level(Severity.LOW, 1, "2026-05-05T10:00:01Z")).isEmpty();
        assertThat(level(Severity.HIGH, 1, "2026-05-05T10:00:00Z")).isEmpty(); // exactly 24h: not more than
        assertThat(level(Severity.HIGH, 2, "2026-05-09T00:00:00Z")).isEmpty(); // the last level, reached
    }

    @Test
    void aComplaintThatPassedTwoLevelsBetweenTwoRunsReachesTheHigherOneInOneStep() {
        assertThat(level(Severity.CRITICAL, 0, "2026-05-06T10:00:00Z")).contains(2);
        assertThat(level(Severity.MEDIUM, 0, "2026-05-06T10:00:00Z")).contains(1);
    }

    @Test
    void theSeveritiesAnyLevelAppliesTo() {
        assertThat(EscalationRule.parse("after=PT2H severity=HIGH notify=lead").severities())
                .containsExactlyInAnyOrder(Severity.HIGH, Severity.CRITICAL);
        assertThat(RULE.severities()).containsExactlyInAnyOrder(Severity.values());
    }

    @Test
    void aSpecThatCannotWorkIsRefusedWithTheLevelAndTheReason() {
        assertThatThrownBy(() -> EscalationRule.parse("after=PT1H"))
                .hasMessageContaining("level 1 must assign or notify");
        assertThatThrownBy(() -> EscalationRule.parse("after=1h notify=x")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> EscalationRule.parse("notify=x; severity=URGENT notify=y"))
                .hasMessageContaining("level 2")
                .hasMessageContaining("URGENT");
        assertThatThrownBy(() -> EscalationRule.parse("whom=x")).hasMessageContaining("unknown key 'whom'");
        assertThatThrownBy(() -> EscalationRule.parse("after=P1D notify=x; after=PT1H notify=y"))
                .hasMessageContaining("delays may not decrease");
        assertThatThrownBy(() -> EscalationRule.parse("after=-PT1H notify=x")).hasMessageContaining("negative");
    }
}
