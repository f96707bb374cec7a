package io.rapport.engagement.domain.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.Purpose;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SERVICE_SLA: a complaint follow-up outranks the customer's quiet-hour and weekend preferences within its SLA. */
class ServiceSlaTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final CustomerContext COMPLAINING_IN_TOKYO =
            new CustomerContext(TOKYO, Map.of("PHONE", true), false, true, Level.ACCOUNTABLE);
    private final ContactPlanner planner = new ContactPlanner(PressureRules.defaults());

    /** CRITICAL complaint opened Friday 4 Dec 2026 14:00Z (23:00 Friday in Tokyo): call requested 2h later, SLA 24h. */
    private static ContactRequest criticalFollowUp() {
        return new ContactRequest(
                Channel.PHONE,
                Purpose.COMPLAINT_FOLLOW_UP,
                Instant.parse("2026-12-04T16:00:00Z"),
                Instant.parse("2026-12-05T14:00:00Z"));
    }

    @Test
    void aCriticalComplaintFollowUpInTokyoOpenedFridayAfternoonUtcWaivesTheWeekendInsteadOfExpiring() {
        Placement p = planner.place(
                criticalFollowUp(), COMPLAINING_IN_TOKYO, List.of(), Instant.parse("2026-12-04T14:00:00Z"));
        // Saturday 08:00 in Tokyo, the end of quiet hours, inside the SLA (Saturday 23:00 in Tokyo)
        assertThat(p.outcome()).isEqualTo(Placement.Outcome.MOVED);
        assertThat(p.at()).isEqualTo("2026-12-04T23:00:00Z");
        assertThat(p.adjustments())
                .extracting(Adjustment::rule)
                .contains(Rule.SERVICE_SLA)
                .doesNotContain(Rule.EXPIRED);
        assertThat(p.reasons().get(p.reasons().size() - 1))
                .contains("SLA deadline 2026-12-05T14:00:00Z", "weekend is waived");
    }

    @Test
    void withoutTheSlaTheSameScheduleWouldHaveExpired() {
        ContactRequest checkIn = new ContactRequest(
                Channel.PHONE,
                Purpose.SATISFACTION_CHECK,
                Instant.parse("2026-12-04T16:00:00Z"),
                Instant.parse("2026-12-05T14:00:00Z"));
        CustomerContext calm = new CustomerContext(TOKYO, Map.of("PHONE", true), false, false, Level.ACCOUNTABLE);
        assertThat(planner.place(checkIn, calm, List.of(), Instant.parse("2026-12-04T14:00:00Z"))
                        .outcome())
                .isEqualTo(Placement.Outcome.EXPIRED);
    }

    @Test
    void quietHoursGiveWayTooWhenOnlyTheNightIsLeftBeforeTheDeadline() {
        // requested Saturday 01:00 Tokyo, deadline Saturday 06:00 Tokyo: only the night remains
        ContactRequest r = new ContactRequest(
                Channel.PHONE,
                Purpose.COMPLAINT_FOLLOW_UP,
                Instant.parse("2026-12-04T16:00:00Z"),
                Instant.parse("2026-12-04T21:00:00Z"));
        Placement p = planner.place(r, COMPLAINING_IN_TOKYO, List.of(), Instant.parse("2026-12-04T14:00:00Z"));
        assertThat(p.outcome()).isEqualTo(Placement.Outcome.MOVED);
        assertThat(p.at()).isEqualTo("2026-12-04T16:00:00Z");
        assertThat(p.reasons().get(p.reasons().size() - 1)).contains("quiet hours and the weekend are waived");
    }

    @Test
    void aFollowUpPastItsDeadlineIsEscalatedAndPlacedAtOnceNeverDropped() {
        Placement p = planner.place(
                criticalFollowUp(), COMPLAINING_IN_TOKYO, List.of(), Instant.parse("2026-12-05T20:00:00Z"));
        assertThat(p.outcome()).isEqualTo(Placement.Outcome.ESCALATED);
        assertThat(p.scheduled()).isTrue();
        assertThat(p.at()).isEqualTo("2026-12-05T20:00:00Z");
        assertThat(p.reasons().get(p.reasons().size() - 1))
                .startsWith("SERVICE_SLA")
                .contains("ESCALATED");
    }

    @Test
    void consentAndDoNotContactAreNeverWaived() {
        CustomerContext refused = new CustomerContext(TOKYO, Map.of("PHONE", false), false, true, Level.ACCOUNTABLE);
        assertThat(planner.place(criticalFollowUp(), refused, List.of(), Instant.parse("2026-12-04T14:00:00Z"))
                        .outcome())
                .isEqualTo(Placement.Outcome.BLOCKED);
    }
}
