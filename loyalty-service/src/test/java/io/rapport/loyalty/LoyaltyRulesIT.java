package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17, defect 7: expiry at the moment of redemption, no points before enrolment, whole refunds, list and summary. */
@QuarkusTest
class LoyaltyRulesIT {
    @Inject
    TestClock clock;

    @Test
    void pointsPastTheirExpiryCannotBeRedeemedBeforeTheHourlyJobRuns() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "100.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 100);
        try {
            clock.advance(Duration.ofDays(25 * 31));
            assertThat(Fixtures.balance(member))
                    .as("the balance shown leaves out expired points")
                    .isZero();
            assertThat(given().get("/api/v1/loyalty/customers/{id}/summary", customer)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getLong("memberships[0].pointsBalance"))
                    .isZero();
            given().contentType(ContentType.JSON)
                    .body(Map.of("points", 50, "reason", "voucher"))
                    .post("/api/v1/loyalty/members/{id}/redemptions", member)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
            Fixtures.adjust(member, 7);
            assertThat(PurchaseEventsIT.ledger(member))
                    .as("the next booking books the expiry first")
                    .anySatisfy(e -> {
                        assertThat(e.get("kind")).isEqualTo("EXPIRE");
                        assertThat(e.get("points")).isEqualTo(-100);
                    });
            assertThat(Fixtures.balance(member)).isEqualTo(7);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPurchaseDatedBeforeEnrolmentEarnsNoPointsByDefault() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        PurchaseRecorded old = CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "70.00");
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                dated(old, Instant.now().minus(Duration.ofDays(30))));
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "5.00"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PurchaseEventsIT.ledger(member).size() == 1);
        assertThat(Fixtures.balance(member))
                .as("only the purchase after enrolment earns")
                .isEqualTo(5);
    }

    @Test
    void aWholeOrderRefundReversesEveryPointOfThePurchaseIncludingBonusLines() {
        String code = "B"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String programme = given().contentType(ContentType.JSON)
                .body("""
                {"code":"%s","name":"Club %s","currency":"EUR",
                 "rules":{"pointsPerUnit":"1","qualificationBasis":"POINTS_EARNED","qualificationMonths":12,"expiryMonths":24,
                          "expiryWarningDays":30,"referrerPoints":0,"newcomerPoints":0,"autoEnrol":null},
                 "tiers":[{"code":"SILVER","name":"Silver","threshold":"0","multiplier":"1"}],
                 "bonuses":[{"name":"Kitchen week","category":"kitchen","multiplier":"2"}]}
                """.formatted(code, code))
                .post("/api/v1/loyalty/programmes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID purchase = UUID.randomUUID();
        PurchaseRecorded p = new PurchaseRecorded(
                purchase.toString(),
                customer.toString(),
                "pos",
                "ORD-B",
                Instant.now(),
                "EUR",
                "100.00",
                "0.00",
                "store",
                "HQ",
                List.of(
                        new PurchaseLine("1", "SKU-1", "kitchen", 1, "50.00", "0.00", "50.00"),
                        new PurchaseLine("2", "SKU-2", "garden", 1, "50.00", "0.00", "50.00")));
        CustomerEventsProducer.send(CustomerEvents.PURCHASE_RECORDED, customer.toString(), p);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 150);

        // the whole order comes back, the shop keeps a 10.00 handling fee: every point of it goes back all the same
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_REFUNDED,
                customer.toString(),
                new PurchaseRefunded(
                        UUID.randomUUID().toString(),
                        purchase.toString(),
                        customer.toString(),
                        "ORD-B",
                        Instant.now(),
                        "EUR",
                        "90.00",
                        "0.00",
                        true,
                        List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 0);
        long sum = PurchaseEventsIT.ledger(member).stream()
                .mapToLong(e -> ((Number) e.get("points")).longValue())
                .sum();
        assertThat(sum).isZero();
    }

    @Test
    void aWholeRefundOfTheFirstPurchaseReversesTheReferralRewardsItPaid() {
        String programme = Fixtures.programme(500, 250);
        UUID referrer = UUID.randomUUID();
        CustomerEventsProducer.registered(referrer, "carla@example.com", "+49 30 5550001", null);
        Map<String, Object> r = Fixtures.enrol(programme, referrer);
        String referrerMember = (String) r.get("id");
        UUID newcomer = UUID.randomUUID();
        CustomerEventsProducer.registered(
                newcomer, "dirk@example.com", "+49 40 5550002", (String) r.get("referralCode"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ReferralIT.referrals(referrerMember).size() == 1);
        String newcomerMember = ReferralIT.summaryMember(newcomer, programme);
        UUID first = UUID.randomUUID();
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                newcomer.toString(),
                CustomerEventsProducer.purchase(first, newcomer, "EUR", "40.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(referrerMember) == 500);
        assertThat(Fixtures.balance(newcomerMember)).isEqualTo(290);

        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_REFUNDED,
                newcomer.toString(),
                CustomerEventsProducer.refund(first, newcomer, "EUR", "40.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(referrerMember) == 0);
        assertThat(Fixtures.balance(newcomerMember)).isZero();
        assertThat(ReferralIT.referrals(referrerMember).get(0).get("status")).isEqualTo("REVERSED");
    }

    @Test
    void theMemberListFiltersByCustomerIdAndTheSummaryCarriesTheMembershipId() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        Fixtures.enrol(programme, UUID.randomUUID());

        List<Map<String, Object>> items = given().queryParam("customerId", customer.toString())
                .get("/api/v1/loyalty/programmes/{p}/members", programme)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(items).singleElement().satisfies(m -> assertThat(m.get("id")).isEqualTo(member));

        String memberId = given().get("/api/v1/loyalty/customers/{id}/summary", customer)
                .then()
                .statusCode(200)
                .extract()
                .path("memberships[0].memberId");
        assertThat(memberId).isEqualTo(member);
    }

    private static PurchaseRecorded dated(PurchaseRecorded p, Instant at) {
        return new PurchaseRecorded(
                p.purchaseId(),
                p.customerId(),
                p.sourceSystem(),
                p.orderId(),
                at,
                p.currency(),
                p.total(),
                p.costOfGoods(),
                p.channel(),
                p.store(),
                p.lines());
    }
}
