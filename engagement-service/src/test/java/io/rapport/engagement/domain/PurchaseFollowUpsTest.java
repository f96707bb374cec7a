package io.rapport.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.pressure.ContactPlanner;
import io.rapport.engagement.domain.pressure.CustomerContext;
import io.rapport.engagement.domain.pressure.PastContact;
import io.rapport.engagement.domain.pressure.Placement;
import io.rapport.engagement.domain.pressure.PressureRules;
import io.rapport.engagement.domain.pressure.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseFollowUpsTest {
    private static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");
    private static final ContactPlan SATISFACTION_CALL =
            plan(Level.ACCOUNTABLE, 7, Channel.PHONE, Purpose.SATISFACTION_CHECK);

    private final PurchaseFollowUps followUps = new PurchaseFollowUps(
            new ContactPlanner(PressureRules.defaults()), Map.of(Level.ACCOUNTABLE, List.of(SATISFACTION_CALL)));

    @Test
    void eachPurchaseGetsOneContactPerPlanOfTheLevelRequestedThatManyDaysLater() {
        FollowUpCustomer alice = customer(Level.ACCOUNTABLE, true);
        List<FollowUp> planned = plan(List.of(purchase("P-1", alice, "2026-05-04T10:00:00Z")), alice);

        assertThat(planned).singleElement().satisfies(f -> {
            assertThat(f.sourceKey()).isEqualTo("purchase:P-1:" + SATISFACTION_CALL.id);
            assertThat(f.request().requestedAt()).isEqualTo("2026-05-11T10:00:00Z");
            assertThat(f.request().expiresAt()).isEqualTo("2026-05-25T10:00:00Z");
            assertThat(f.state()).isEqualTo(ContactState.PLANNED);
            assertThat(f.dueAt()).isEqualTo("2026-05-11T10:00:00Z");
            assertThat(f.assigneeId()).isEqualTo("owner-" + alice.customerId());
            assertThat(f.createdBy()).isEqualTo("plan:" + SATISFACTION_CALL.name);
        });
    }

    @Test
    void theSamePurchaseTwiceInOneBatchSchedulesOnce() {
        FollowUpCustomer alice = customer(Level.ACCOUNTABLE, true);
        PurchaseFact p = purchase("P-1", alice, "2026-05-04T10:00:00Z");

        assertThat(plan(List.of(p, p), alice)).hasSize(1);
    }

    @Test
    void aPurchaseWhoseContactExistsAlreadySchedulesNothing() {
        FollowUpCustomer alice = customer(Level.ACCOUNTABLE, true);
        PurchaseFact p = purchase("P-1", alice, "2026-05-04T10:00:00Z");
        Map<UUID, FollowUpCustomer> customers = Map.of(alice.customerId(), alice);

        List<FollowUp> planned = followUps.place(
                followUps.candidates(List.of(p), customers, NOW),
                customers,
                Map.of(),
                Set.of(PurchaseFollowUps.sourceKey("P-1", SATISFACTION_CALL.id)),
                NOW);

        assertThat(planned).isEmpty();
    }

    @Test
    void twoPurchasesOfOneCustomerInOneBatchRespectTheOneInThreeDaysCap() {
        FollowUpCustomer alice = customer(Level.ACCOUNTABLE, true);
        List<FollowUp> planned = plan(
                List.of(purchase("P-1", alice, "2026-05-04T10:00:00Z"), purchase("P-2", alice, "2026-05-04T11:00:00Z")),
                alice);

        assertThat(planned).hasSize(2);
        assertThat(planned.get(0).placement().outcome()).isEqualTo(Placement.Outcome.ON_TIME);
        FollowUp second = planned.get(1);
        assertThat(second.placement().outcome()).isEqualTo(Placement.Outcome.MOVED);
        assertThat(second.adjustments()).extracting(a -> a.rule()).contains(Rule.FREQUENCY_CAP);
        assertThat(Duration.between(planned.get(0).dueAt(), second.dueAt())).isGreaterThanOrEqualTo(Duration.ofDays(3));
    }

    @Test
    void contactsAlreadyOnTheTimelineCountAgainstTheCaps() {
        FollowUpCustomer alice = customer(Level.ACCOUNTABLE, true);
        PurchaseFact p = purchase("P-1", alice, "2026-05-04T10:00:00Z");
        Map<UUID, FollowUpCustomer> customers = Map.of(alice.customerId(), alice);
        Map<UUID, List<PastContact>> timelines = Map.of(
                alice.customerId(), List.of(new PastContact(Instant.parse("2026-05-10T10:00:00Z"), Channel.EMAIL)));

        FollowUp f = followUps
                .place(followUps.candidates(List.of(p), customers, NOW), customers, timelines, Set.of(), NOW)
                .get(0);

        assertThat(f.placement().outcome()).isEqualTo(Placement.Outcome.MOVED);
        assertThat(f.dueAt()).isAfterOrEqualTo("2026-05-13T10:00:00Z");
        assertThat(timelines.get(alice.customerId())).hasSize(1);
    }

    @Test
    void aBlockedContactIsCreatedCancelledAndDoesNotCountAgainstTheCaps() {
        FollowUpCustomer noPhone = new FollowUpCustomer(
                UUID.randomUUID(),
                "rep",
                BigDecimal.ONE,
                true,
                new CustomerContext(
                        ZoneId.of("Europe/London"), Map.of("PHONE", false), false, false, Level.ACCOUNTABLE));
        List<FollowUp> planned = plan(List.of(purchase("P-1", noPhone, "2026-05-04T10:00:00Z")), noPhone);

        assertThat(planned).singleElement().satisfies(f -> {
            assertThat(f.state()).isEqualTo(ContactState.CANCELLED);
            assertThat(f.outcome()).startsWith("CONSENT");
            assertThat(f.closed()).isTrue();
            assertThat(f.counts()).isFalse();
        });
    }

    @Test
    void purchasesOfErasedCustomersOfLevelsWithoutPlansAndTooOldOnesScheduleNothing() {
        FollowUpCustomer erased = customer(Level.ACCOUNTABLE, false);
        FollowUpCustomer basic = customer(Level.BASIC, true);
        FollowUpCustomer alice = customer(Level.ACCOUNTABLE, true);
        Map<UUID, FollowUpCustomer> customers =
                Map.of(erased.customerId(), erased, basic.customerId(), basic, alice.customerId(), alice);

        // bought 30 days ago: the call was due 23 days ago and expired 9 days ago
        assertThat(followUps.candidates(
                        List.of(
                                purchase("P-1", erased, "2026-05-04T10:00:00Z"),
                                purchase("P-2", basic, "2026-05-04T10:00:00Z"),
                                purchase("P-3", alice, "2026-04-04T10:00:00Z"),
                                new PurchaseFact("P-4", UUID.randomUUID(), NOW)),
                        customers,
                        NOW))
                .isEmpty();
    }

    private List<FollowUp> plan(List<PurchaseFact> purchases, FollowUpCustomer customer) {
        Map<UUID, FollowUpCustomer> customers = Map.of(customer.customerId(), customer);
        return followUps.place(followUps.candidates(purchases, customers, NOW), customers, Map.of(), Set.of(), NOW);
    }

    private static FollowUpCustomer customer(Level level, boolean reachable) {
        UUID id = UUID.randomUUID();
        return new FollowUpCustomer(
                id,
                "owner-" + id,
                new BigDecimal("100.00"),
                reachable,
                new CustomerContext(
                        ZoneId.of("Europe/London"), Map.of("PHONE", true, "EMAIL", true), false, false, level));
    }

    private static PurchaseFact purchase(String id, FollowUpCustomer customer, String at) {
        return new PurchaseFact(id, customer.customerId(), Instant.parse(at));
    }

    private static ContactPlan plan(Level level, int days, Channel channel, Purpose purpose) {
        ContactPlan p = new ContactPlan();
        p.id = UUID.randomUUID();
        p.level = level;
        p.name = "Satisfaction call after a purchase";
        p.triggerType = TriggerType.AFTER_PURCHASE;
        p.days = days;
        p.channel = channel;
        p.purpose = purpose;
        p.performer = "OWNER";
        p.queue = "service-desk";
        p.validityDays = 14;
        p.active = true;
        return p;
    }
}
