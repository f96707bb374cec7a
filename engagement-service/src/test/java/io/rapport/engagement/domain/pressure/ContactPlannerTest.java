package io.rapport.engagement.domain.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContactPlannerTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Map<String, Boolean> PHONE_AND_EMAIL = Map.of("PHONE", true, "EMAIL", true);

    private final ContactPlanner planner = new ContactPlanner(PressureRules.defaults());
    private final ContactPlanner weekendsAllowed = new ContactPlanner(new PressureRules(
            QuietHours.parse("20:00-08:00"), true, FrequencyCap.parseAll("1/P3D,4/P30D"), Set.of(Channel.PHONE)));

    private static CustomerContext customer(ZoneId zone) {
        return new CustomerContext(zone, PHONE_AND_EMAIL, false, false, Level.ACCOUNTABLE);
    }

    private static ContactRequest call(Purpose purpose, String at) {
        Instant i = Instant.parse(at);
        return new ContactRequest(Channel.PHONE, purpose, i, i.plus(Duration.ofDays(14)));
    }

    private static Placement place(ContactPlanner p, ContactRequest r, CustomerContext c, PastContact... timeline) {
        return p.place(r, c, List.of(timeline), Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Nested
    class QuietHoursAndWeekends {
        @Test
        void aContactAtAnAllowedHourOnAWeekdayStaysWhereItWasRequested() {
            Placement p = place(planner, call(Purpose.SATISFACTION_CHECK, "2026-05-04T10:00:00Z"), customer(LONDON));
            assertThat(p.outcome()).isEqualTo(Placement.Outcome.ON_TIME);
            assertThat(p.at()).isEqualTo("2026-05-04T10:00:00Z");
            assertThat(p.adjustments()).isEmpty();
        }

        @Test
        void aContactInsideQuietHoursMovesToTheEndOfThemInTheCustomersZone() {
            // 21:30 BST on Monday = 20:30Z; quiet until 08:00 BST on Tuesday = 07:00Z
            Placement p = place(planner, call(Purpose.SATISFACTION_CHECK, "2026-05-04T20:30:00Z"), customer(LONDON));
            assertThat(p.outcome()).isEqualTo(Placement.Outcome.MOVED);
            assertThat(p.at()).isEqualTo("2026-05-05T07:00:00Z");
            assertThat(p.adjustments()).extracting(Adjustment::rule).containsExactly(Rule.QUIET_HOURS);
            assertThat(p.reasons().get(0)).contains("21:30", "Europe/London", "20:00-08:00");
        }

        @Test
        void quietHoursFollowTheSpringForwardChange() {
            // Sunday 29 March 2026: London goes from GMT to BST. 06:30Z is 07:30 BST, still quiet; 08:00 BST = 07:00Z.
            Placement p = place(weekendsAllowed, call(Purpose.CHECK_IN, "2026-03-29T06:30:00Z"), customer(LONDON));
            assertThat(p.at()).isEqualTo("2026-03-29T07:00:00Z");
            // 23:30 GMT on Saturday is quiet; the night is one hour shorter, it ends at 08:00 BST = 07:00Z
            Placement night = place(weekendsAllowed, call(Purpose.CHECK_IN, "2026-03-28T23:30:00Z"), customer(LONDON));
            assertThat(night.at()).isEqualTo("2026-03-29T07:00:00Z");
        }

        @Test
        void quietHoursFollowTheFallBackChange() {
            // Sunday 25 October 2026: BST back to GMT. 19:30Z on Saturday is 20:30 BST (quiet); it ends 08:00 GMT =
            // 08:00Z.
            Placement p = place(weekendsAllowed, call(Purpose.CHECK_IN, "2026-10-24T19:30:00Z"), customer(LONDON));
            assertThat(p.at()).isEqualTo("2026-10-25T08:00:00Z");
            // 18:30Z on Saturday is 19:30 BST: allowed, although a fixed GMT offset would say 18:30 too
            Placement evening =
                    place(weekendsAllowed, call(Purpose.CHECK_IN, "2026-10-24T18:30:00Z"), customer(LONDON));
            assertThat(evening.outcome()).isEqualTo(Placement.Outcome.ON_TIME);
            // 19:30Z on Monday is 19:30 GMT: allowed after the change, although it was quiet on Saturday
            Placement monday = place(weekendsAllowed, call(Purpose.CHECK_IN, "2026-10-26T19:30:00Z"), customer(LONDON));
            assertThat(monday.outcome()).isEqualTo(Placement.Outcome.ON_TIME);
        }

        @Test
        void anEndOfQuietHoursInsideTheSpringForwardGapMovesOnByTheGap() {
            ContactPlanner nightOwls = new ContactPlanner(
                    new PressureRules(QuietHours.parse("01:00-02:30"), true, List.of(), Set.of(Channel.PHONE)));
            // 8 March 2026 in New York: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that night.
            Placement p =
                    place(nightOwls, call(Purpose.CHECK_IN, "2026-03-08T06:30:00Z"), customer(NEW_YORK)); // 01:30 EST
            assertThat(p.at()).isEqualTo("2026-03-08T07:30:00Z"); // 03:30 EDT
        }

        @Test
        void aWeekendContactMovesToMondayMorningAcrossTheDaylightSavingChange() {
            // Saturday 28 March 21:00 GMT -> Monday 30 March 08:00 BST = 07:00Z
            Placement p = place(planner, call(Purpose.SATISFACTION_CHECK, "2026-03-28T21:00:00Z"), customer(LONDON));
            assertThat(p.at()).isEqualTo("2026-03-30T07:00:00Z");
            assertThat(p.adjustments()).extracting(Adjustment::rule).containsExactly(Rule.WEEKEND);
            assertThat(p.reasons().get(0)).contains("Saturday 2026-03-28");
        }
    }

    @Nested
    class FrequencyCaps {
        @Test
        void aSecondContactInsideThreeDaysIsPostponedWithTheReason() {
            Placement p = place(
                    weekendsAllowed,
                    call(Purpose.CHECK_IN, "2026-05-05T10:00:00Z"),
                    customer(LONDON),
                    new PastContact(Instant.parse("2026-05-04T10:00:00Z"), Channel.EMAIL));
            assertThat(p.outcome()).isEqualTo(Placement.Outcome.MOVED);
            assertThat(p.at()).isEqualTo("2026-05-07T10:00:00Z");
            assertThat(p.adjustments()).extracting(Adjustment::rule).containsExactly(Rule.FREQUENCY_CAP);
            assertThat(p.reasons().get(0)).contains("at most 1 outbound contact in 3 days");
        }

        @Test
        void humanCallsAndAutomatedMessagesCountTogether() {
            PastContact email = new PastContact(Instant.parse("2026-05-04T10:00:00Z"), Channel.EMAIL);
            ContactRequest sms = new ContactRequest(
                    Channel.SMS,
                    Purpose.CHECK_IN,
                    Instant.parse("2026-05-04T12:00:00Z"),
                    Instant.parse("2026-06-01T00:00:00Z"));
            CustomerContext c = new CustomerContext(LONDON, Map.of("SMS", true), false, false, Level.PROACTIVE);
            assertThat(place(weekendsAllowed, sms, c, email).at()).isEqualTo("2026-05-07T10:00:00Z");
        }

        @Test
        void aContactExactlyOneWindowLaterNoLongerCounts() {
            Placement p = place(
                    weekendsAllowed,
                    call(Purpose.CHECK_IN, "2026-05-07T10:00:00Z"),
                    customer(LONDON),
                    new PastContact(Instant.parse("2026-05-04T10:00:00Z"), Channel.PHONE));
            assertThat(p.outcome()).isEqualTo(Placement.Outcome.ON_TIME);
        }

        @Test
        void aLaterPlannedContactAlsoBlocksTheSlotBeforeIt() {
            Placement p = place(
                    weekendsAllowed,
                    call(Purpose.CHECK_IN, "2026-05-04T10:00:00Z"),
                    customer(LONDON),
                    new PastContact(Instant.parse("2026-05-05T10:00:00Z"), Channel.PHONE));
            assertThat(p.at()).isEqualTo("2026-05-08T10:00:00Z");
        }

        @Test
        void theThirtyDayCapAllowsFourContacts() {
            PastContact[] four = {
                new PastContact(Instant.parse("2026-05-01T10:00:00Z"), Channel.PHONE),
                new PastContact(Instant.parse("2026-05-05T10:00:00Z"), Channel.EMAIL),
                new PastContact(Instant.parse("2026-05-09T10:00:00Z"), Channel.PHONE),
                new PastContact(Instant.parse("2026-05-13T10:00:00Z"), Channel.SMS)
            };
            ContactRequest r = new ContactRequest(
                    Channel.PHONE,
                    Purpose.CHECK_IN,
                    Instant.parse("2026-05-17T10:00:00Z"),
                    Instant.parse("2026-07-01T00:00:00Z"));
            Placement p = place(weekendsAllowed, r, customer(LONDON), four);
            assertThat(p.at()).isEqualTo("2026-05-31T10:00:00Z");
            assertThat(p.reasons().get(0)).contains("at most 4 outbound contacts in 30 days");
        }

        @Test
        void aServicePurposeIsExemptFromCaps() {
            Placement p = place(
                    weekendsAllowed,
                    call(Purpose.COMPLAINT_FOLLOW_UP, "2026-05-05T10:00:00Z"),
                    customer(LONDON),
                    new PastContact(Instant.parse("2026-05-05T09:00:00Z"), Channel.PHONE));
            assertThat(p.outcome()).isEqualTo(Placement.Outcome.ON_TIME);
        }

        @Test
        void aLevelCanHaveItsOwnCapsReplacingTheDefaults() {
            ContactPlanner p = new ContactPlanner(new PressureRules(
                    QuietHours.NONE,
                    true,
                    FrequencyCap.parseAll("1/P3D,4/P30D,PARTNERSHIP:2/P3D"),
                    Set.of(Channel.PHONE)));
            PastContact yesterday = new PastContact(Instant.parse("2026-05-04T10:00:00Z"), Channel.PHONE);
            CustomerContext partner = new CustomerContext(LONDON, PHONE_AND_EMAIL, false, false, Level.PARTNERSHIP);
            assertThat(place(p, call(Purpose.REVIEW, "2026-05-05T10:00:00Z"), partner, yesterday)
                            .outcome())
                    .isEqualTo(Placement.Outcome.ON_TIME);
            assertThat(place(p, call(Purpose.REVIEW, "2026-05-05T10:00:00Z"), customer(LONDON), yesterday)
                            .outcome())
                    .isEqualTo(Placement.Outcome.MOVED);
        }

        @Test
        void aChannelCapCountsOnlyThatChannel() {
            ContactPlanner p = new ContactPlanner(
                    new PressureRules(QuietHours.NONE, true, FrequencyCap.parseAll("@SMS:1/P7D"), Set.of()));
            CustomerContext c =
                    new CustomerContext(LONDON, Map.of("SMS", true, "PHONE", true), false, false, Level.BASIC);
            ContactRequest sms = new ContactRequest(
                    Channel.SMS,
                    Purpose.CHECK_IN,
                    Instant.parse("2026-05-05T10:00:00Z"),
                    Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(place(p, sms, c, new PastContact(Instant.parse("2026-05-04T10:00:00Z"), Channel.PHONE))
                            .outcome())
                    .isEqualTo(Placement.Outcome.ON_TIME);
            assertThat(place(p, sms, c, new PastContact(Instant.parse("2026-05-04T10:00:00Z"), Channel.SMS))
                            .at())
                    .isEqualTo("2026-05-11T10:00:00Z");
        }

        @Test
        void aContactWhoseFirstAllowedSlotIsAfterItsExpiryIsRecordedAsExpiredWithTheReasons() {
            ContactRequest r = new ContactRequest(
                    Channel.PHONE,
                    Purpose.CHECK_IN,
                    Instant.parse("2026-05-05T10:00:00Z"),
                    Instant.parse("2026-05-06T10:00:00Z"));
            Placement p = place(
                    weekendsAllowed,
                    r,
                    customer(LONDON),
                    new PastContact(Instant.parse("2026-05-04T10:00:00Z"), Channel.PHONE));
            assertThat(p.outcome()).isEqualTo(Placement.Outcome.EXPIRED);
            assertThat(p.adjustments()).extracting(Adjustment::rule).contains(Rule.FREQUENCY_CAP, Rule.EXPIRED);
        }
    }

    @Nested
    class ConsentAndComplaints {
        @Test
        void doNotContactBlocksEveryPurposeIncludingService() {
            CustomerContext c = new CustomerContext(LONDON, PHONE_AND_EMAIL, true, false, Level.ACCOUNTABLE);
            Placement p = place(planner, call(Purpose.COMPLAINT_FOLLOW_UP, "2026-05-04T10:00:00Z"), c);
            assertThat(p.outcome()).isEqualTo(Placement.Outcome.BLOCKED);
            assertThat(p.adjustments()).extracting(Adjustment::rule).containsExactly(Rule.DO_NOT_CONTACT);
        }

        @Test
        void aRefusedChannelBlocksEvenAServicePurpose() {
            CustomerContext c = new CustomerContext(LONDON, Map.of("PHONE", false), false, false, Level.ACCOUNTABLE);
            Placement p = place(planner, call(Purpose.COMPLAINT_FOLLOW_UP, "2026-05-04T10:00:00Z"), c);
            assertThat(p.outcome()).isEqualTo(Placement.Outcome.BLOCKED);
            assertThat(p.reasons()).containsExactly("CONSENT: no PHONE consent");
        }

        @Test
        void anUnstatedConsentAllowsOnlyTheImplicitChannels() {
            CustomerContext silent = new CustomerContext(LONDON, Map.of(), false, false, Level.ACCOUNTABLE);
            assertThat(planner.consents(silent, Channel.PHONE)).isTrue();
            assertThat(planner.consents(silent, Channel.VISIT)).isTrue();
            assertThat(planner.consents(silent, Channel.EMAIL)).isFalse();
            assertThat(planner.consents(
                            new CustomerContext(LONDON, Map.of("EMAIL", true), false, false, Level.BASIC),
                            Channel.EMAIL))
                    .isTrue();
        }

        @Test
        void anOpenComplaintPausesACheckInButNotAComplaintFollowUp() {
            CustomerContext complaining = new CustomerContext(LONDON, PHONE_AND_EMAIL, false, true, Level.PROACTIVE);
            assertThat(place(planner, call(Purpose.CHECK_IN, "2026-05-04T10:00:00Z"), complaining)
                            .outcome())
                    .isEqualTo(Placement.Outcome.PAUSED);
            assertThat(place(planner, call(Purpose.COMPLAINT_FOLLOW_UP, "2026-05-04T10:00:00Z"), complaining)
                            .outcome())
                    .isEqualTo(Placement.Outcome.ON_TIME);
        }
    }

    @Test
    void aRequestForAPastInstantIsPlacedFromNowWithoutCountingAsAMove() {
        Placement p = planner.place(
                call(Purpose.CHECK_IN, "2026-05-01T10:00:00Z"),
                customer(LONDON),
                List.of(),
                Instant.parse("2026-05-04T10:00:00Z"));
        assertThat(p.outcome()).isEqualTo(Placement.Outcome.ON_TIME);
        assertThat(p.at()).isEqualTo("2026-05-04T10:00:00Z");
    }
}
