package io.rapport.loyalty;

import static io.rapport.loyalty.Fixtures.balance;
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

/** Earning and reversing from customer events delivered through the real broker. */
@QuarkusTest
class PurchaseEventsIT {

    @Test
    void theSamePurchaseDeliveredTwiceEarnsOnce() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID purchase = UUID.randomUUID();
        var event = CustomerEventsProducer.purchase(purchase, customer, "EUR", "120.00");
        String ceId = CustomerEventsProducer.send(CustomerEvents.PURCHASE_RECORDED, customer.toString(), event);
        CustomerEventsProducer.send(CustomerEvents.PURCHASE_RECORDED, customer.toString(), event, ceId);
        CustomerEventsProducer.send(CustomerEvents.PURCHASE_RECORDED, customer.toString(), event);
        // a later purchase on the same partition proves the duplicates before it were consumed
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "5.00"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger(member).size() == 2);
        assertThat(balance(member)).isEqualTo(125);
        assertThat(ledger(member)).extracting(e -> e.get("kind")).containsOnly("EARN");
    }

    @Test
    void aRefundReversesPointsInProportion() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID purchase = UUID.randomUUID();
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(purchase, customer, "EUR", "300.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(member) == 300);

        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_REFUNDED,
                customer.toString(),
                CustomerEventsProducer.refund(purchase, customer, "EUR", "100.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(member) == 200);
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_REFUNDED,
                customer.toString(),
                CustomerEventsProducer.refund(purchase, customer, "EUR", "200.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(member) == 0);

        List<Map<String, Object>> entries = ledger(member);
        assertThat(entries)
                .filteredOn(e -> "REVERSE".equals(e.get("kind")))
                .extracting(e -> e.get("points"))
                .containsExactlyInAnyOrder(-100, -200);
        assertThat(entries).filteredOn(e -> "REVERSE".equals(e.get("kind"))).allSatisfy(e -> {
            assertThat((String) e.get("reason")).contains("refund");
            assertThat(e.get("source")).isEqualTo("REFUND");
        });
    }

    @Test
    void aTierQualifiesOnPointsEarnedNotOnTheBalance() {
        String programme = Fixtures.programme(0, 0);
        UUID buyer = UUID.randomUUID();
        String earner = (String) Fixtures.enrol(programme, buyer).get("id");
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                buyer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), buyer, "EUR", "2000.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(earner) == 2000);
        assertThat(Fixtures.tier(earner)).isEqualTo("GOLD");

        given().contentType(ContentType.JSON)
                .body(Map.of("points", 1900, "reason", "dinner for two"))
                .post("/api/v1/loyalty/members/{id}/redemptions", earner)
                .then()
                .statusCode(201);
        assertThat(balance(earner)).isEqualTo(100);
        assertThat(Fixtures.tier(earner))
                .as("spending points does not cost the tier")
                .isEqualTo("GOLD");

        String rich = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(rich, 5000);
        assertThat(balance(rich)).isEqualTo(5000);
        assertThat(Fixtures.tier(rich))
                .as("a balance without earned points does not qualify")
                .isEqualTo("SILVER");

        List<Map<String, Object>> history = given().get("/api/v1/loyalty/members/{id}/tier-history", earner)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(history).extracting(h -> h.get("toTier")).containsExactly("SILVER", "GOLD");
        assertThat((String) history.get(1).get("reason")).contains("2000 points earned");
    }

    @Test
    void purchasesInAnotherCurrencyEarnNothingAndEventsOfUnknownCustomersAreTolerated() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        UUID stranger = UUID.randomUUID();
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                stranger.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), stranger, "EUR", "10.00"));
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "USD", "50.00"));
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                customer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), customer, "EUR", "7.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(member) == 7);
        assertThat(ledger(member)).hasSize(1);
    }

    static List<Map<String, Object>> ledger(String member) {
        return given().get("/api/v1/loyalty/members/{id}/ledger?size=200", member)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }
}
