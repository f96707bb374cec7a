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

/** Referral codes: linked at registration, rewarded once on the newcomer's first purchase, self-referral refused. */
@QuarkusTest
class ReferralIT {

    @Test
    void aReferralRewardsBothOnceOnTheFirstPurchase() {
        String programme = Fixtures.programme(500, 250);
        UUID referrer = UUID.randomUUID();
        CustomerEventsProducer.registered(referrer, "anna@example.com", "+49 30 1234567", null);
        Map<String, Object> r = Fixtures.enrol(programme, referrer);
        String referrerMember = (String) r.get("id");
        String code = (String) r.get("referralCode");

        UUID newcomer = UUID.randomUUID();
        CustomerEventsProducer.registered(newcomer, "ben@example.com", "+49 40 7654321", code);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> referrals(referrerMember).size() == 1);
        assertThat(referrals(referrerMember).get(0).get("status")).isEqualTo("PENDING");
        String newcomerMember = summaryMember(newcomer, programme);

        UUID first = UUID.randomUUID();
        var purchase = CustomerEventsProducer.purchase(first, newcomer, "EUR", "10.00");
        CustomerEventsProducer.send(CustomerEvents.PURCHASE_RECORDED, newcomer.toString(), purchase);
        CustomerEventsProducer.send(CustomerEvents.PURCHASE_RECORDED, newcomer.toString(), purchase);
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                newcomer.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), newcomer, "EUR", "20.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(newcomerMember) == 250 + 10 + 20);

        assertThat(Fixtures.balance(referrerMember)).isEqualTo(500);
        Map<String, Object> done = referrals(referrerMember).get(0);
        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(done.get("purchaseId")).isEqualTo(first.toString());
    }

    @Test
    void selfReferralAndSharedContactsAreRefused() {
        String programme = Fixtures.programme(500, 250);
        UUID referrer = UUID.randomUUID();
        CustomerEventsProducer.registered(referrer, "carla@example.com", "+33 1 23 45 67 89", null);
        Map<String, Object> r = Fixtures.enrol(programme, referrer);
        String referrerMember = (String) r.get("id");
        String code = (String) r.get("referralCode");

        given().contentType(ContentType.JSON)
                .body(Map.of("referralCode", code, "customerId", referrer.toString()))
                .post("/api/v1/loyalty/referrals")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");

        UUID twin = UUID.randomUUID();
        CustomerEventsProducer.registered(twin, "Carla@Example.com ", "+44 20 0000 0000", code);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> referrals(referrerMember).size() == 1);
        Map<String, Object> refused = referrals(referrerMember).get(0);
        assertThat(refused.get("status")).isEqualTo("REFUSED");
        assertThat((String) refused.get("refusal")).contains("e-mail");
        given().get("/api/v1/loyalty/customers/{id}/summary", twin)
                .then()
                .statusCode(200)
                .body("memberships", org.hamcrest.Matchers.empty());

        UUID phoneTwin = UUID.randomUUID();
        CustomerEventsProducer.registered(
                phoneTwin, "other@example.com", "0033 1 23 45 67 89".replace("0033", "+33"), null);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("referralCode", code, "customerId", phoneTwin.toString()))
                        .post("/api/v1/loyalty/referrals")
                        .then()
                        .statusCode(422));
    }

    @Test
    void referringAnExistingCustomerWithPurchasesIsRecordedAsNotQualifyingAndPaysNobody() {
        String programme = Fixtures.programme(500, 250);
        UUID existing = UUID.randomUUID();
        CustomerEventsProducer.registered(existing, "erik@example.com", "+49 89 5550003", null);
        String existingMember = (String) Fixtures.enrol(programme, existing).get("id");
        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                existing.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), existing, "EUR", "30.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(existingMember) == 30);

        UUID referrer = UUID.randomUUID();
        CustomerEventsProducer.registered(referrer, "frida@example.com", "+49 89 5550004", null);
        Map<String, Object> r = Fixtures.enrol(programme, referrer);
        String referrerMember = (String) r.get("id");
        Map<String, Object> recorded = given().contentType(ContentType.JSON)
                .body(Map.of("referralCode", r.get("referralCode"), "customerId", existing.toString()))
                .post("/api/v1/loyalty/referrals")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        assertThat(recorded.get("status")).isEqualTo("NOT_QUALIFYING");
        assertThat((String) recorded.get("refusal")).startsWith("not a new customer");

        CustomerEventsProducer.send(
                CustomerEvents.PURCHASE_RECORDED,
                existing.toString(),
                CustomerEventsProducer.purchase(UUID.randomUUID(), existing, "EUR", "20.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(existingMember) == 50);
        assertThat(Fixtures.balance(referrerMember))
                .as("no reward for referring an existing customer")
                .isZero();
        assertThat(referrals(referrerMember))
                .singleElement()
                .satisfies(ref -> assertThat(ref.get("status")).isEqualTo("NOT_QUALIFYING"));
    }

    static List<Map<String, Object>> referrals(String member) {
        return given().get("/api/v1/loyalty/members/{id}/referrals", member)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    static String summaryMember(UUID customer, String programme) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !given().get("/api/v1/loyalty/customers/{id}/summary", customer)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("memberships")
                        .isEmpty());
        String number = given().get("/api/v1/loyalty/customers/{id}/summary", customer)
                .then()
                .extract()
                .path("memberships[0].memberNumber");
        List<Map<String, Object>> members = given().get("/api/v1/loyalty/programmes/{p}/members?size=200", programme)
                .then()
                .extract()
                .jsonPath()
                .getList("items");
        return (String) members.stream()
                .filter(m -> number.equals(m.get("memberNumber")))
                .findFirst()
                .orElseThrow()
                .get("id");
    }
}
