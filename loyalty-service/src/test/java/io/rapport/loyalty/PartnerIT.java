package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Alliance partners earn and burn for members who linked them and see only their own transactions. */
@QuarkusTest
class PartnerIT {
    static final String HEADER = "X-Rapport-Partner-Id";

    @Test
    void aPartnerCannotReadAnotherPartnersTransactions() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> member = Fixtures.enrol(programme, UUID.randomUUID());
        String number = (String) member.get("memberNumber");
        String hotel = partner(programme, "Hotel", "0.01");
        String travel = partner(programme, "Travel", "0.02");
        PartnerRedemptionIT.link((String) member.get("id"), hotel);
        PartnerRedemptionIT.link((String) member.get("id"), travel);

        String earned = given().contentType(ContentType.JSON)
                .header(HEADER, hotel)
                .body(Map.of("memberNumber", number, "amount", "80.50", "currency", "EUR", "reference", "INV-1"))
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(201)
                .body("points", org.hamcrest.Matchers.equalTo(80))
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header(HEADER, hotel)
                .body(Map.of("memberNumber", number, "amount", "80.50", "currency", "EUR", "reference", "INV-1"))
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(earned));
        given().contentType(ContentType.JSON)
                .header(HEADER, travel)
                .body(Map.of(
                        "memberNumber",
                        number,
                        "points",
                        30,
                        "reference",
                        "T-9",
                        "code",
                        PartnerRedemptionIT.code((String) member.get("id"), travel, 30)))
                .post("/api/v1/loyalty/partner/burn")
                .then()
                .statusCode(201)
                .body("points", org.hamcrest.Matchers.equalTo(-30));

        List<Map<String, Object>> travelSees = given().header(HEADER, travel)
                .get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(travelSees).extracting(t -> t.get("reference")).containsExactly("T-9");
        given().header(HEADER, travel)
                .get("/api/v1/loyalty/partner/transactions/{id}", earned)
                .then()
                .statusCode(404);
        given().header(HEADER, hotel)
                .get("/api/v1/loyalty/partner/transactions/{id}", earned)
                .then()
                .statusCode(200)
                .body("reference", org.hamcrest.Matchers.equalTo("INV-1"));
        given().get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header(HEADER, UUID.randomUUID().toString())
                .get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(403);
        assertThat(Fixtures.balance((String) member.get("id"))).isEqualTo(50);

        Map<String, Object> settlement = given().queryParam(
                        "from", Instant.now().minusSeconds(3600).toString())
                .queryParam("to", Instant.now().plusSeconds(3600).toString())
                .get("/api/v1/loyalty/partners/{id}/settlement", hotel)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(settlement)
                .containsEntry("pointsIssued", 80)
                .containsEntry("pointsBurned", 0)
                .containsEntry("amountOwedByPartner", "0.80")
                .containsEntry("net", "0.80");
    }

    @Test
    void badPartnerInputIsAProblemAndChangesNothing() {
        String programme = Fixtures.programme(0, 0);
        Map<String, Object> member = Fixtures.enrol(programme, UUID.randomUUID());
        String number = (String) member.get("memberNumber");
        String shop = partner(programme, "Shop", "0.01");
        PartnerRedemptionIT.link((String) member.get("id"), shop);
        given().contentType(ContentType.JSON)
                .header(HEADER, shop)
                .body(Map.of("memberNumber", number, "amount", "-1", "currency", "EUR", "reference", "X"))
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header(HEADER, shop)
                .body(Map.of("memberNumber", number, "amount", "10", "currency", "USD", "reference", "X"))
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .header(HEADER, shop)
                .body(Map.of(
                        "memberNumber",
                        number,
                        "points",
                        10,
                        "reference",
                        "Y",
                        "code",
                        PartnerRedemptionIT.code((String) member.get("id"), shop, 10)))
                .post("/api/v1/loyalty/partner/burn")
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.equalTo("https://rapport.dev/problems/insufficient-points"));
        given().contentType(ContentType.JSON)
                .header(HEADER, shop)
                .body(Map.of("memberNumber", "NOPE-1", "points", 10, "reference", "Z", "code", "ABCDEFGH"))
                .post("/api/v1/loyalty/partner/burn")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .header(HEADER, shop)
                .body(Map.of("memberNumber", "NOPE-1", "amount", "10", "currency", "EUR", "reference", "Z"))
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(403);
        assertThat(Fixtures.balance((String) member.get("id"))).isZero();
    }

    static String partner(String programme, String name, String pointValue) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "programmeId", programme, "pointValue", pointValue))
                .post("/api/v1/loyalty/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
