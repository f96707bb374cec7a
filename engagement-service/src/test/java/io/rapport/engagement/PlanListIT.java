package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The contact plan list is a platform Page and honours page and size. */
@QuarkusTest
class PlanListIT {
    private static final String PLANS = "/api/v1/engagement/plans";

    @Test
    void thePlanListIsAPageThatHonoursPageAndSize() {
        given().queryParam("size", 2)
                .get(PLANS)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(6));
        given().queryParam("level", "PROACTIVE")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get(PLANS)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("total", equalTo(2))
                .body("items.level", everyItem(equalTo("PROACTIVE")));
        given().queryParam("size", 0).get(PLANS).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("sort", "cost").get(PLANS).then().statusCode(400).contentType("application/problem+json");
    }
}
