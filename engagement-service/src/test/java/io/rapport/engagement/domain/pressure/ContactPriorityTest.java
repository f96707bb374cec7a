package io.rapport.engagement.domain.pressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactPriorityTest {

    @Test
    void servicePurposesGoFirstThenMoreValuableCustomersThenEarlierRequests() {
        Instant t = Instant.parse("2026-05-04T10:00:00Z");
        ContactPriority smallCheckIn = new ContactPriority(Purpose.CHECK_IN, new BigDecimal("10"), t, "a");
        ContactPriority bigCheckIn = new ContactPriority(Purpose.CHECK_IN, new BigDecimal("9000"), t, "b");
        ContactPriority bigLater =
                new ContactPriority(Purpose.CHECK_IN, new BigDecimal("9000"), t.plusSeconds(60), "c");
        ContactPriority complaint =
                new ContactPriority(Purpose.COMPLAINT_FOLLOW_UP, BigDecimal.ZERO, t.plusSeconds(3600), "d");
        List<ContactPriority> all = new ArrayList<>(List.of(smallCheckIn, bigLater, complaint, bigCheckIn));
        all.sort(ContactPriority.ORDER);
        assertThat(all).containsExactly(complaint, bigCheckIn, bigLater, smallCheckIn);
    }

    @Test
    void aMarketingCheckInNeverOutranksASatisfactionCallEvenRequestedEarlierForAMoreValuableCustomer() {
        Instant t = Instant.parse("2026-05-04T10:00:00Z");
        ContactPriority checkIn = new ContactPriority(Purpose.CHECK_IN, new BigDecimal("9000"), t, "a");
        ContactPriority satisfaction =
                new ContactPriority(Purpose.SATISFACTION_CHECK, BigDecimal.ONE, t.plusSeconds(86_400), "b");
        assertThat(ContactPriority.ORDER.compare(satisfaction, checkIn)).isNegative();
    }

    @Test
    void purposesRankServiceThenRelationshipThenMarketing() {
        assertThat(ContactPriority.RANKING)
                .containsExactly(
                        Purpose.COMPLAINT_FOLLOW_UP,
                        Purpose.SATISFACTION_CHECK,
                        Purpose.REVIEW,
                        Purpose.CHECK_IN,
                        Purpose.CONTACT_US,
                        Purpose.CAMPAIGN);
        assertThat(Purpose.SATISFACTION_CHECK.service()).isTrue();
        assertThat(Purpose.COMPLAINT_FOLLOW_UP.service()).isTrue();
        assertThat(Purpose.REVIEW.service()).isFalse();
    }

    @Test
    void onlyTheComplaintFollowUpIsExemptFromTheCapsAndHeldToTheComplaintSla() {
        for (Purpose p : Purpose.values()) {
            assertThat(p.exemptFromCaps()).as(p.name()).isEqualTo(p == Purpose.COMPLAINT_FOLLOW_UP);
            assertThat(p.heldToComplaintSla()).as(p.name()).isEqualTo(p == Purpose.COMPLAINT_FOLLOW_UP);
        }
    }

    @Test
    void theSqlOrderRanksEveryPurposeAsTheJavaOrderDoes() {
        String sql = ContactPriority.sqlOrderBy("c");
        for (Purpose p : Purpose.values()) {
            assertThat(sql).contains("when '" + p.name() + "' then " + ContactPriority.RANKING.indexOf(p));
        }
        assertThat(sql).endsWith("coalesce(c.customer_value, 0) desc, c.requested_at, c.id");
    }

    @Test
    void aServiceContactMayDisplaceMarketingButNeverAnotherServiceContact() {
        assertThat(ContactPriority.mayDisplace(Purpose.SATISFACTION_CHECK, Purpose.CHECK_IN))
                .isTrue();
        assertThat(ContactPriority.mayDisplace(Purpose.COMPLAINT_FOLLOW_UP, Purpose.CAMPAIGN))
                .isTrue();
        assertThat(ContactPriority.mayDisplace(Purpose.SATISFACTION_CHECK, Purpose.REVIEW))
                .isFalse();
        assertThat(ContactPriority.mayDisplace(Purpose.COMPLAINT_FOLLOW_UP, Purpose.SATISFACTION_CHECK))
                .isFalse();
        assertThat(ContactPriority.mayDisplace(Purpose.CHECK_IN, Purpose.CAMPAIGN))
                .isFalse();
    }
}
