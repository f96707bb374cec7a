package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The quote: explained, deterministic, in the programme's currency only. */
@QuarkusTest
class QuoteIT {

    @Test
    void theSameInputGivesTheSameQuote() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        Fixtures.enrol(programme, customer);
        benefit(
                programme,
                Map.of(
                        "kind",
                        "VOLUME_BREAK",
                        "name",
                        "Ten or more",
                        "category",
                        "kitchen",
                        "minQuantity",
                        10,
                        "percent",
                        "10"));
        benefit(
                programme,
                Map.of("kind", "MEMBER_PRICE", "name", "Member fridge", "sku", "FRIDGE", "memberPrice", "90.00"));
        benefit(programme, Map.of("kind", "PRIORITY_SERVICE", "name", "Hotline"));
        benefit(programme, Map.of("kind", "EVENT_INVITATION", "name", "Head office day", "minTier", "GOLD"));
        String body = """
                {"customerId":"%s","currency":"EUR","lines":[
                  {"sku":"FRIDGE","category":"kitchen","quantity":12,"unitPrice":"100.00"},
                  {"sku":"CABLE","category":"tv","quantity":3,"unitPrice":"9.99"}]}""".formatted(customer);

        String first = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/loyalty/programmes/{p}/quotes", programme)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String second = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/loyalty/programmes/{p}/quotes", programme)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(second).isEqualTo(first);

        Map<String, Object> quote = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/loyalty/programmes/{p}/quotes", programme)
                .then()
                .extract()
                .as(Map.class);
        assertThat(quote)
                .containsEntry("subtotal", "1229.97")
                .containsEntry("discountTotal", "228.00")
                .containsEntry("total", "1001.97")
                .containsEntry("tier", "SILVER");
        assertThat((java.util.List<Map<String, Object>>) quote.get("benefits"))
                .extracting(b -> b.get("name"))
                .containsExactly("Ten or more", "Member fridge", "Hotline");
        assertThat((java.util.List<Map<String, Object>>) quote.get("notApplied"))
                .extracting(b -> b.get("name"))
                .containsExactly("Head office day");
    }

    @Test
    void aBenefitNotAppliedNamesTheRequiredTierNotItsRank() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        Fixtures.enrol(programme, customer);
        benefit(programme, Map.of("kind", "EVENT_INVITATION", "name", "Head office day", "minTier", "GOLD"));
        Map<String, Object> quote = given().contentType(ContentType.JSON)
                .body("""
                {"customerId":"%s","currency":"EUR","lines":[{"sku":"A","quantity":1,"unitPrice":"1.00"}]}""".formatted(customer))
                .post("/api/v1/loyalty/programmes/{p}/quotes", programme)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        String why = (String) ((java.util.List<Map<String, Object>>) quote.get("notApplied"))
                .get(0)
                .get("why");
        assertThat(why).contains("required tier Gold").doesNotContain("rank");
    }

    @Test
    void badQuotesAreProblems() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        Fixtures.enrol(programme, customer);
        String line = "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]";
        given().contentType(ContentType.JSON)
                .body("{\"customerId\":\"%s\",\"currency\":\"USD\",\"lines\":%s}".formatted(customer, line))
                .post("/api/v1/loyalty/programmes/{p}/quotes", programme)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":%s}".formatted(UUID.randomUUID(), line))
                .post("/api/v1/loyalty/programmes/{p}/quotes", programme)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(
                        "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"-1\"}]}"
                                .formatted(customer))
                .post("/api/v1/loyalty/programmes/{p}/quotes", programme)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":%s}".formatted(customer, line))
                .post("/api/v1/loyalty/programmes/{p}/quotes", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    static void benefit(String programme, Map<String, Object> body) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/loyalty/programmes/{p}/benefits", programme)
                .then()
                .statusCode(201);
    }
}
