package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 1: a partner spends a member's points only when the member linked that partner and presents a
 * one-time code bound to member, partner and maximum; limits per partner; bounded amounts; refusals that say nothing
 * about the member or the balance; settlement only for redemptions that consumed a code.
 */
@QuarkusTest
class PartnerRedemptionIT {
    static final String HEADER = "X-Rapport-Partner-Id";
    static final String REFUSED = "https://rapport.dev/problems/redemption-refused";

    @Inject
    EntityManager em;

    @Test
    void withoutConsentAndCodeAPartnerSpendsNothing() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> member = Fixtures.enrol(programme, UUID.randomUUID());
        Fixtures.adjust((String) member.get("id"), 100);
        String shop = partner(programme, "Shop", null, null);

        String withoutCode = burn(shop, (String) member.get("memberNumber"), null, 30, "R-1")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(REFUSED))
                .extract()
                .asString();
        assertThat(withoutCode).doesNotContain("100");
        // a real code issued for another partner does not help either, nor does an unknown member number
        String other = partner(programme, "Other", null, null);
        link((String) member.get("id"), other);
        String code = code((String) member.get("id"), other, 50);
        Map<String, Object> refused = burn(shop, (String) member.get("memberNumber"), code, 30, "R-2")
                .then()
                .statusCode(403)
                .extract()
                .as(Map.class);
        Map<String, Object> unknown = burn(shop, programmeCode(member) + "-0000000000AB", code, 30, "R-3")
                .then()
                .statusCode(403)
                .extract()
                .as(Map.class);
        assertThat(unknown)
                .as("an unknown member looks exactly like an unlinked one")
                .isEqualTo(refused);
        assertThat(Fixtures.balance((String) member.get("id"))).isEqualTo(100);
    }

    @Test
    void aLinkedMemberSpendsOnceWithACodeAndTheAnswerHasNoBalance() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> member = Fixtures.enrol(programme, UUID.randomUUID());
        String id = (String) member.get("id");
        String number = (String) member.get("memberNumber");
        Fixtures.adjust(id, 100);
        String shop = partner(programme, "Shop", null, null);
        link(id, shop);
        String code = code(id, shop, 50);

        Map<String, Object> booked = burn(shop, number, code, 30, "R-1")
                .then()
                .statusCode(201)
                .body("points", equalTo(-30))
                .body("$", not(hasKey("balance")))
                .extract()
                .as(Map.class);
        assertThat(booked.values()).as("the remaining 70 points appear nowhere").doesNotContain(70, 70L, "70");
        burn(shop, number, code, 30, "R-1").then().statusCode(200).body("id", equalTo(booked.get("id")));
        burn(shop, number, code, 31, "R-1").then().statusCode(409).contentType("application/problem+json");
        burn(shop, number, code, 10, "R-2").then().statusCode(403).body("type", equalTo(REFUSED));
        assertThat(Fixtures.balance(id)).isEqualTo(70);

        Map<String, Object> settlement = given().queryParam(
                        "from", Instant.now().minusSeconds(3600).toString())
                .queryParam("to", Instant.now().plusSeconds(3600).toString())
                .get("/api/v1/loyalty/partners/{id}/settlement", shop)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(settlement)
                .containsEntry("burnTransactions", 1)
                .containsEntry("pointsBurned", 30)
                .containsEntry("amountOwedToPartner", "0.30");
    }

    @Test
    void aCodeIsBoundToItsMemberPartnerMaximumAndLifetime() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        Map<String, Object> bob = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        String bobId = (String) bob.get("id");
        Fixtures.adjust(annId, 100);
        Fixtures.adjust(bobId, 100);
        String shop = partner(programme, "Shop", null, null);
        link(annId, shop);
        link(bobId, shop);

        String annCode = code(annId, shop, 40);
        burn(shop, (String) bob.get("memberNumber"), annCode, 10, "X-1")
                .then()
                .statusCode(403)
                .body("type", equalTo(REFUSED));
        burn(shop, (String) ann.get("memberNumber"), "ZZZZZZZZ", 10, "X-2")
                .then()
                .statusCode(403)
                .body("type", equalTo(REFUSED));
        String overMax = burn(shop, (String) ann.get("memberNumber"), annCode, 41, "X-3")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        assertThat(overMax).doesNotContainPattern("[0-9]");

        String expiring = code(annId, shop, 40);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update redemption_code set expires_at = now() - interval '1 second' where member_id = ?1 and used_at is null")
                        .setParameter(1, UUID.fromString(annId))
                        .executeUpdate());
        burn(shop, (String) ann.get("memberNumber"), expiring, 10, "X-4")
                .then()
                .statusCode(403)
                .body("type", equalTo(REFUSED));
        burn(shop, (String) ann.get("memberNumber"), annCode, 10, "X-5").then().statusCode(403);

        String bobCode = code(bobId, shop, 40);
        given().delete("/api/v1/loyalty/members/{id}/partner-links/{partner}", bobId, shop)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revokedAt", not(equalTo(null)));
        burn(shop, (String) bob.get("memberNumber"), bobCode, 10, "X-6")
                .then()
                .statusCode(403)
                .body("type", equalTo(REFUSED));
        given().get("/api/v1/loyalty/members/{id}/partner-links", bobId)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo("REVOKED"))
                .body("[0].source", equalTo("APP"))
                .body("[0].consentedAt", not(equalTo(null)));
        given().contentType(ContentType.JSON)
                .body(Map.of("partnerId", shop, "maxPoints", 10))
                .post("/api/v1/loyalty/members/{id}/redemption-codes", bobId)
                .then()
                .statusCode(422);

        assertThat(Fixtures.balance(annId)).isEqualTo(100);
        assertThat(Fixtures.balance(bobId)).isEqualTo(100);
    }

    @Test
    void wrongCodesBurnTheOutstandingCodesAfterAFewAttempts() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        Fixtures.adjust(annId, 100);
        String shop = partner(programme, "Shop", null, null);
        link(annId, shop);
        String code = code(annId, shop, 40);
        for (int i = 0; i < 5; i++) {
            burn(shop, (String) ann.get("memberNumber"), "0000000" + i, 10, "G-" + i)
                    .then()
                    .statusCode(403);
        }
        burn(shop, (String) ann.get("memberNumber"), code, 10, "G-ok")
                .then()
                .statusCode(403)
                .body("type", equalTo(REFUSED));
        assertThat(Fixtures.balance(annId)).isEqualTo(100);
    }

    @Test
    void perTransactionAndPerDayLimitsOfThePartnerHold() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        String number = (String) ann.get("memberNumber");
        Fixtures.adjust(annId, 1000);
        String shop = partner(programme, "Shop", 100L, 150L);
        link(annId, shop);

        String detail = burn(shop, number, code(annId, shop, 500), 120, "L-1")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/limit-exceeded"))
                .extract()
                .path("detail");
        assertThat(detail).doesNotContainPattern("[0-9]");
        burn(shop, number, code(annId, shop, 500), 100, "L-2").then().statusCode(201);
        burn(shop, number, code(annId, shop, 500), 60, "L-3")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/limit-exceeded"));
        burn(shop, number, code(annId, shop, 500), 50, "L-4").then().statusCode(201);
        assertThat(Fixtures.balance(annId)).isEqualTo(850);
    }

    @Test
    void tooFewPointsIsRefusedWithoutSayingHowMany() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        Fixtures.adjust(annId, 137);
        String shop = partner(programme, "Shop", null, null);
        link(annId, shop);
        String body = burn(shop, (String) ann.get("memberNumber"), code(annId, shop, 1000), 500, "P-1")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertThat(body).doesNotContain("137").doesNotContain("balance");
        assertThat(Fixtures.balance(annId)).isEqualTo(137);
    }

    @Test
    void hugeNegativeAndOverflowingAmountsAreA422NeverA500() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        String number = (String) ann.get("memberNumber");
        Fixtures.adjust(annId, 100);
        String shop = partner(programme, "Shop", null, null);
        link(annId, shop);

        for (String amount : new String[] {"1e30", "\"1e30\"", "\"-1\"", "0", "99999999999999999999999999999"}) {
            given().contentType(ContentType.JSON)
                    .header(HEADER, shop)
                    .body("{\"memberNumber\":\"" + number + "\",\"amount\":" + amount
                            + ",\"currency\":\"EUR\",\"reference\":\"E\"}")
                    .post("/api/v1/loyalty/partner/earn")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        String code = code(annId, shop, 50);
        for (String points :
                new String[] {"1e30", "-5", "0", "99999999999999999999999", "9223372036854775807", "2.5"}) {
            given().contentType(ContentType.JSON)
                    .header(HEADER, shop)
                    .body("{\"memberNumber\":\"" + number + "\",\"code\":\"" + code + "\",\"points\":" + points
                            + ",\"reference\":\"B\"}")
                    .post("/api/v1/loyalty/partner/burn")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body("{\"partnerId\":\"" + shop + "\",\"maxPoints\":1e40}")
                .post("/api/v1/loyalty/members/{id}/redemption-codes", annId)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(Fixtures.balance(annId)).isEqualTo(100);
        // the code was not used by any of the refused attempts
        burn(shop, number, code, 50, "B-ok").then().statusCode(201);
    }

    @Test
    void overflowingNumbersOnStaffEndpointsAreProblemsNotErrors() {
        String programme = Fixtures.programme(0, 0);
        String annId = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(annId, 100);
        for (String points : new String[] {"1e30", "99999999999999999999999", "-9223372036854775809"}) {
            for (String path : new String[] {"/redemptions", "/adjustments"}) {
                int status = given().contentType(ContentType.JSON)
                        .body("{\"points\":" + points + ",\"reason\":\"x\"}")
                        .post("/api/v1/loyalty/members/{id}" + path, annId)
                        .then()
                        .contentType("application/problem+json")
                        .extract()
                        .statusCode();
                assertThat(status).as("%s %s", path, points).isIn(400, 422);
            }
        }
        assertThat(Fixtures.balance(annId)).isEqualTo(100);
    }

    @Test
    void memberNumbersAreRandomAndReferencesAreScopedToPartnerAndMember() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        Map<String, Object> bob = Fixtures.enrol(programme, UUID.randomUUID());
        for (Map<String, Object> m : java.util.List.of(ann, bob)) {
            assertThat((String) m.get("memberNumber")).matches(programmeCode(m) + "-[0-9A-HJKMNP-TV-Z]{12}");
        }
        String annId = (String) ann.get("id");
        String bobId = (String) bob.get("id");
        Fixtures.adjust(annId, 100);
        Fixtures.adjust(bobId, 100);
        String shop = partner(programme, "Shop", null, null);
        link(annId, shop);
        link(bobId, shop);
        burn(shop, (String) ann.get("memberNumber"), code(annId, shop, 50), 10, "SAME")
                .then()
                .statusCode(201);
        burn(shop, (String) bob.get("memberNumber"), code(bobId, shop, 50), 20, "SAME")
                .then()
                .statusCode(201);
        assertThat(Fixtures.balance(annId)).isEqualTo(90);
        assertThat(Fixtures.balance(bobId)).isEqualTo(80);
    }

    @Test
    void settlementPaysOnlyRedemptionsThatConsumedACodeAndPartnersCannotUseStaffEndpoints() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> ann = Fixtures.enrol(programme, UUID.randomUUID());
        String annId = (String) ann.get("id");
        Fixtures.adjust(annId, 100);
        String shop = partner(programme, "Shop", null, null);
        // a partner REDEEM without a consumed code, as main booked them before this change
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into ledger_entry (id, programme_id, member_id,"
                                + " kind, points, reason, source, source_key, partner_id, occurred_at, created_at) values (gen_random_uuid(), ?1, ?2,"
                                + " 'REDEEM', -25, 'legacy', 'PARTNER', ?3, ?4, now(), now())")
                        .setParameter(1, UUID.fromString(programme))
                        .setParameter(2, UUID.fromString(annId))
                        .setParameter(3, "partner:legacy:" + UUID.randomUUID())
                        .setParameter(4, UUID.fromString(shop))
                        .executeUpdate());

        given().header(HEADER, shop)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerId", shop, "source", "APP"))
                .post("/api/v1/loyalty/members/{id}/partner-links", annId)
                .then()
                .statusCode(403);
        link(annId, shop);
        given().header(HEADER, shop)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerId", shop, "maxPoints", 10))
                .post("/api/v1/loyalty/members/{id}/redemption-codes", annId)
                .then()
                .statusCode(403);
        burn(shop, (String) ann.get("memberNumber"), code(annId, shop, 10), 10, "S-1")
                .then()
                .statusCode(201);

        Map<String, Object> settlement = given().queryParam(
                        "from", Instant.now().minusSeconds(3600).toString())
                .queryParam("to", Instant.now().plusSeconds(3600).toString())
                .get("/api/v1/loyalty/partners/{id}/settlement", shop)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(settlement)
                .containsEntry("burnTransactions", 1)
                .containsEntry("pointsBurned", 10)
                .containsEntry("pointsBurnedWithoutProof", 25)
                .containsEntry("amountOwedToPartner", "0.10");
    }

    static String programmeCode(Map<String, Object> member) {
        String programme = (String) member.get("programmeId");
        return given().get("/api/v1/loyalty/programmes/{id}", programme)
                .then()
                .statusCode(200)
                .extract()
                .path("code");
    }

    static String partner(String programme, String name, Long maxPerTransaction, Long maxPerDay) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "programmeId", programme, "pointValue", "0.01"));
        if (maxPerTransaction != null) {
            body.put("maxPointsPerTransaction", maxPerTransaction);
        }
        if (maxPerDay != null) {
            body.put("maxPointsPerDay", maxPerDay);
        }
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/loyalty/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void link(String member, String partner) {
        given().contentType(ContentType.JSON)
                .body(Map.of("partnerId", partner, "source", "APP"))
                .post("/api/v1/loyalty/members/{id}/partner-links", member)
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"));
    }

    static String code(String member, String partner, long maxPoints) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("partnerId", partner, "maxPoints", maxPoints))
                .post("/api/v1/loyalty/members/{id}/redemption-codes", member)
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    static Response burn(String partner, String memberNumber, String code, long points, String reference) {
        Map<String, Object> body =
                new HashMap<>(Map.of("memberNumber", memberNumber, "points", points, "reference", reference));
        if (code != null) {
            body.put("code", code);
        }
        return given().contentType(ContentType.JSON)
                .header(HEADER, partner)
                .body(body)
                .post("/api/v1/loyalty/partner/burn");
    }
}
