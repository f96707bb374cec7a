package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.contracts.segmentation.SegmentationEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Loyalty follows the customer: merges, erasures and segment classes. */
@QuarkusTest
class CustomerLifecycleIT {

    @Test
    void aMergeCombinesLedgersAndKeepsTheHigherTier() {
        String programme = Fixtures.programme(0, 0);
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        String keep = (String) Fixtures.enrol(programme, survivor).get("id");
        String gone = (String) Fixtures.enrol(programme, merged).get("id");
        Fixtures.adjust(keep, 100);
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                merged.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), merged, "EUR", "2000.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "GOLD".equals(Fixtures.tier(gone)));

        CustomerEventsProducer.send(
                CustomerEvents.MERGED,
                merged.toString(),
                new CustomerMerged(survivor.toString(), merged.toString(), "tester", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(keep) == 2100);
        assertThat(Fixtures.tier(keep)).isEqualTo("GOLD");
        assertThat(PurchaseEventsIT.ledger(keep)).hasSize(2);
        given().get("/api/v1/loyalty/members/{id}", gone)
                .then()
                .body("status", org.hamcrest.Matchers.equalTo("MERGED"))
                .body("pointsBalance", org.hamcrest.Matchers.equalTo(0));
        given().get("/api/v1/loyalty/customers/{id}/summary", survivor)
                .then()
                .statusCode(200)
                .body("memberships[0].pointsBalance", org.hamcrest.Matchers.equalTo(2100))
                .body("memberships[0].tier", org.hamcrest.Matchers.equalTo("GOLD"));
    }

    @Test
    void anErasureRemovesTheCustomerButKeepsTheLedgerAnonymised() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        CustomerEventsProducer.registered(customer, "dora@example.com", null, null);
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        Fixtures.adjust(member, 40);
        CustomerEventsProducer.send(
                CustomerEvents.ERASED, customer.toString(), new CustomerErased(customer.toString(), Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ERASED"
                        .equals(given().get("/api/v1/loyalty/members/{id}", member)
                                .then()
                                .extract()
                                .path("status")));
        Map<String, Object> m = given().get("/api/v1/loyalty/members/{id}", member)
                .then()
                .extract()
                .as(Map.class);
        assertThat(m.get("customerId")).isNull();
        assertThat(m.get("referralCode")).isNull();
        assertThat(PurchaseEventsIT.ledger(member)).hasSize(1);
        given().get("/api/v1/loyalty/customers/{id}/summary", customer)
                .then()
                .statusCode(200)
                .body("memberships", org.hamcrest.Matchers.empty());
    }

    @Test
    void classAAutoEnrolsAndStartsAtGold() {
        String programme = Fixtures.programme(0, 0);
        String rules = """
                {"name":"Auto club","rules":{"pointsPerUnit":"1","qualificationBasis":"POINTS_EARNED","qualificationMonths":12,
                 "expiryMonths":24,"expiryWarningDays":30,"referrerPoints":0,"newcomerPoints":0,
                 "autoEnrol":{"scheme":"ABC","classLabel":"A"}}}""";
        given().contentType(io.restassured.http.ContentType.JSON)
                .header("If-Match", "\"999\"")
                .body(rules)
                .put("/api/v1/loyalty/programmes/{id}/rules", programme)
                .then()
                .statusCode(412);
        given().contentType(io.restassured.http.ContentType.JSON)
                .body(rules)
                .put("/api/v1/loyalty/programmes/{id}/rules", programme)
                .then()
                .statusCode(200);
        UUID customer = UUID.randomUUID();
        CustomerEventsProducer.send(
                SegmentationEvents.SEGMENT_CHANGED,
                customer.toString(),
                new SegmentChanged(
                        customer.toString(), "ABC", "B", "A", 1, null, "PROACTIVE", Map.of(), Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/loyalty/customers/{id}/summary", customer)
                        .then()
                        .body("memberships.size()", org.hamcrest.Matchers.equalTo(1))
                        .body("memberships[0].tier", org.hamcrest.Matchers.equalTo("GOLD"))
                        .body("memberships[0].programmeName", org.hamcrest.Matchers.equalTo("Auto club")));
    }
}
