package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 6: a refund after the points were spent keeps nothing for the member. What the balance cannot
 * cover becomes a points debt that the next earnings settle first; spendable points never go negative.
 */
@QuarkusTest
class RefundDebtIT {

    @Test
    void aRefundAfterRedemptionLeavesADebtThatTheNextEarningsSettle() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID purchase = UUID.randomUUID();
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(purchase, customer, "EUR", "100.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 100);
        given().contentType(ContentType.JSON)
                .body(Map.of("points", 80, "reason", "voucher"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(201);

        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_REFUNDED,
                customer.toString(),
                CustomerEventsProducer.refund(purchase, customer, "EUR", "100.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> debt(member) == 80);
        assertThat(Fixtures.balance(member)).isZero();
        List<Map<String, Object>> reversals = PurchaseEventsIT.ledger(member).stream()
                .filter(e -> "REVERSE".equals(e.get("kind")))
                .toList();
        assertThat(reversals).singleElement().satisfies(e -> {
            assertThat(e.get("points"))
                    .as("the whole reversal is in the ledger")
                    .isEqualTo(-100);
            assertThat((String) e.get("reason")).contains("80 points owed");
        });

        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "50.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> debt(member) == 30);
        assertThat(Fixtures.balance(member)).isZero();

        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "40.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> debt(member) == 0);
        assertThat(Fixtures.balance(member)).isEqualTo(10);
        long ledgerSum = PurchaseEventsIT.ledger(member).stream()
                .mapToLong(e -> ((Number) e.get("points")).longValue())
                .sum();
        assertThat(ledgerSum)
                .as("the ledger sums to spendable points minus the debt")
                .isEqualTo(10);
    }

    @Test
    void aRedemptionIsRefusedWhileAManualCreditOnlySettlesTheDebt() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID purchase = UUID.randomUUID();
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(purchase, customer, "EUR", "60.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 60);
        given().contentType(ContentType.JSON)
                .body(Map.of("points", 60, "reason", "voucher"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(201);
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_REFUNDED,
                customer.toString(),
                CustomerEventsProducer.refund(purchase, customer, "EUR", "30.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> debt(member) == 30);

        Fixtures.adjust(member, 20);
        assertThat(debt(member)).isEqualTo(10);
        assertThat(Fixtures.balance(member)).isZero();
        given().contentType(ContentType.JSON)
                .body(Map.of("points", 1, "reason", "sweet"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(422);
    }

    static long debt(String member) {
        Object debt = given().get("/api/v1/loyalty/members/{id}", member)
                .then()
                .statusCode(200)
                .extract()
                .path("pointsDebt");
        return debt == null ? -1 : ((Number) debt).longValue();
    }
}
