package io.rapport.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.RecurringContacts.Open;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One open contact per customer and recurring plan ({@link RecurringContacts}): the one rule behind scheduling a
 * plan's next contact and cleaning up after a merge.
 */
class RecurringContactsTest {
    private static final UUID CHECK_IN = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID REVIEW = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final UUID AFTER_PURCHASE = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    private static final Instant MAY_1 = Instant.parse("2026-05-01T09:00:00Z");
    private static final Instant MAY_9 = Instant.parse("2026-05-09T09:00:00Z");

    @Test
    void aRecurringPlanSchedulesOnlyWhenNoneOfItsContactsIsOpen() {
        assertThat(RecurringContacts.maySchedule(TriggerType.EVERY_N_DAYS, List.of()))
                .isTrue();
        assertThat(RecurringContacts.maySchedule(
                        TriggerType.EVERY_N_DAYS, List.of(open(1, CHECK_IN, TriggerType.EVERY_N_DAYS, MAY_9))))
                .isFalse();
    }

    @Test
    void otherPlansMayHaveSeveralOpenContacts() {
        assertThat(RecurringContacts.maySchedule(
                        TriggerType.AFTER_PURCHASE,
                        List.of(open(1, AFTER_PURCHASE, TriggerType.AFTER_PURCHASE, MAY_1))))
                .isTrue();
    }

    @Test
    void afterAMergeTheEarliestDueContactOfEachRecurringPlanStaysAndTheOthersGo() {
        Open lateCheckIn = open(1, CHECK_IN, TriggerType.EVERY_N_DAYS, MAY_9);
        Open earlyCheckIn = open(2, CHECK_IN, TriggerType.EVERY_N_DAYS, MAY_1);
        Open review = open(3, REVIEW, TriggerType.EVERY_N_DAYS, MAY_9);
        Open followUp1 = open(4, AFTER_PURCHASE, TriggerType.AFTER_PURCHASE, MAY_1);
        Open followUp2 = open(5, AFTER_PURCHASE, TriggerType.AFTER_PURCHASE, MAY_9);

        assertThat(RecurringContacts.surplus(List.of(lateCheckIn, earlyCheckIn, review, followUp1, followUp2)))
                .isEqualTo(Map.of(lateCheckIn.id(), earlyCheckIn.id()));
    }

    @Test
    void onTheSameDueTimeTheLowestIdInPostgresUuidOrderStays() {
        // signed Java order puts 8000... before 7fff...; PostgreSQL compares the bytes unsigned
        Open high = new Open(
                UUID.fromString("80000000-0000-0000-0000-000000000000"), CHECK_IN, TriggerType.EVERY_N_DAYS, MAY_1);
        Open low = new Open(
                UUID.fromString("7fffffff-0000-0000-0000-000000000000"), CHECK_IN, TriggerType.EVERY_N_DAYS, MAY_1);
        Open later = open(9, CHECK_IN, TriggerType.EVERY_N_DAYS, MAY_9);

        assertThat(RecurringContacts.surplus(List.of(high, later, low)))
                .containsExactly(Map.entry(high.id(), low.id()), Map.entry(later.id(), low.id()));
    }

    @Test
    void aSingleOpenContactPerPlanLeavesNothingToCancel() {
        assertThat(RecurringContacts.surplus(List.of(
                        open(1, CHECK_IN, TriggerType.EVERY_N_DAYS, MAY_9),
                        open(2, REVIEW, TriggerType.EVERY_N_DAYS, MAY_1))))
                .isEmpty();
        assertThat(RecurringContacts.surplus(List.of())).isEmpty();
    }

    private static Open open(int n, UUID plan, TriggerType trigger, Instant due) {
        return new Open(new UUID(0, n), plan, trigger, due);
    }
}
