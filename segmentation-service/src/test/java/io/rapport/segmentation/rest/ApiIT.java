package io.rapport.segmentation.rest;

import static io.rapport.segmentation.TestData.id;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.segmentation.TestData;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP: policies and their bad input, runs, reports, the worksheet lists and co-purchase recommendations. */
@QuarkusTest
class ApiIT {
    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private static io.restassured.response.ValidatableResponse postPolicy(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/segments/policies").then();
    }

    @Test
    void badPoliciesAreProblemsNeverServerErrors() {
        postPolicy("{\"scheme\":\"XYZ\",\"abc\":{}}").statusCode(400).contentType("application/problem+json");
        postPolicy("{\"abc\":{}}").statusCode(400).contentType("application/problem+json");
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"cutoffs\":[95,80]}}").statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("increasing"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"cutoffs\":[80,120]}}").statusCode(422).body("detail", containsString("100"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"cutoffs\":[],\"labels\":[\"A\"]}}").statusCode(422)
                .body("detail", containsString("2 classes"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"metric\":\"SCORE\"}}").statusCode(422).body("detail", containsString("weights"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"method\":\"SOMETIMES\"}}").statusCode(400);
        postPolicy("{\"scheme\":\"VALUE\",\"abc\":{}}").statusCode(422);
        postPolicy("{\"scheme\":\"VALUE\",\"value\":{\"mvcTopPercent\":0}}").statusCode(422);
        given().get("/api/v1/segments/policies/NOPE").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("scheme"));
        given().get("/api/v1/segments/customers/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/segments/customers/{id}", id(999)).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/segments/worksheet/gold?sort=shoeSize").then().statusCode(400);
        given().get("/api/v1/segments/worksheet/gold?size=1000").then().statusCode(400);
        given().get("/api/v1/segments/transitions?scheme=ABC&from=yesterday").then().statusCode(400);
        given().get("/api/v1/segments/levels?scheme=ABC").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"scheme\":\"NOPE\"}").post("/api/v1/segments/runs").then().statusCode(400);
    }

    @Test
    void policiesAreVersionedWithOneActivePerScheme() {
        given().get("/api/v1/segments/policies/ABC").then().statusCode(200).header("ETag", "\"1\"")
                .body("abc.cutoffs", contains("80", "95"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"metric\":\"SCORE\",\"weights\":{\"REVENUE\":0.6,\"TENURE\":0.4},"
                + "\"method\":\"RANK_PERCENTILE\"}}").statusCode(201).header("ETag", "\"2\"").body("abc.cutoffs", contains("5", "20"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"scheme\":\"ABC\",\"abc\":{}}").post("/api/v1/segments/policies").then().statusCode(412);
        given().get("/api/v1/segments/policies/ABC/versions").then().statusCode(200).body("total", equalTo(2))
                .body("items[0].version", equalTo(2)).body("items[0].active", equalTo(true))
                .body("items[1].active", equalTo(false));
        given().post("/api/v1/segments/policies/ABC/versions/1/activate").then().statusCode(200).body("active", equalTo(true));
        given().get("/api/v1/segments/policies/ABC").then().body("version", equalTo(1));
        given().get("/api/v1/segments/policies/VALUE").then().statusCode(200).body("value.mvcTopPercent", equalTo("20"));
    }

    @Test
    void runsReportsAndLevels() {
        for (int i = 1; i <= 10; i++) {
            data.revenue(id(i), BigDecimal.valueOf(1000L / i));
        }
        // revenues 1000/i: cumulative share before customer 6 is 78% (< 80), before customer 7 it is 85%: A = 1..6
        given().contentType(ContentType.JSON).post("/api/v1/segments/runs").then().statusCode(201).body("runs", hasSize(2));
        String runId = given().get("/api/v1/segments/runs?scheme=ABC").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].runId");
        given().get("/api/v1/segments/runs/{id}", runId).then().statusCode(200).body("pareto", hasSize(100))
                .body("concentration", notNullValue()).body("classes.recommendedLevel", hasItem(notNullValue()));
        given().get("/api/v1/segments/levels?scheme=ABC").then().statusCode(200).body("runId", equalTo(runId))
                .body("classes.label", hasItem("A"));
        given().get("/api/v1/segments/transitions?scheme=ABC").then().statusCode(200)
                .body("transitions.find { it.toClass == 'A' }.customers", notNullValue());
        given().get("/api/v1/segments/transitions/customers?scheme=ABC&toClass=A").then().statusCode(200)
                .body("total", equalTo(6)).body("items.customerId", hasItem(id(1).toString()));
        given().get("/api/v1/segments/customers/{id}", id(1)).then().statusCode(200)
                .body("classes.scheme", hasItem("ABC")).body("classes.find { it.scheme == 'ABC' }.rule", containsString("CUMULATIVE_SHARE"));
    }

    @Test
    void worksheetListsAnswerTheManagersQuestions() {
        LocalDate now = TestData.thisMonth();
        LocalDate lastYear = now.minusMonths(13);
        data.customer(id(1), new BigDecimal("100000"), true);   // big wallet, little bought, a prospect
        data.month(id(1), now, "1000", "500", "0", "0", 1, 0);
        data.category(id(1), "TENTS");
        data.customer(id(2), null, false);                       // costly complainer, below zero
        data.month(id(2), now, "500", "300", "0", "400", 2, 3);
        data.customer(id(3), null, false);                       // last year's top, fell this year
        data.month(id(3), lastYear, "9000", "4000", "0", "0", 5, 0);
        data.month(id(3), now, "2000", "1000", "0", "0", 1, 0);
        given().contentType(ContentType.JSON).post("/api/v1/segments/runs").then().statusCode(201);

        given().get("/api/v1/segments/worksheet/gold").then().statusCode(200).body("items.customerId", hasItem(id(3).toString()));
        given().get("/api/v1/segments/worksheet/cost-drivers").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].customerId", equalTo(id(2).toString())).body("items[0].valueClass", equalTo("BZ"));
        given().get("/api/v1/segments/worksheet/cost-drivers?belowZero=true").then().body("total", equalTo(1));
        given().get("/api/v1/segments/worksheet/repeat-complainers").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].complaints", equalTo(3));
        given().get("/api/v1/segments/worksheet/repeat-complainers?minComplaints=4").then().body("total", equalTo(0));
        given().get("/api/v1/segments/worksheet/top-last-year?top=1").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].customerId", equalTo(id(3).toString())).body("items[0].change", equalTo("-7000"));
        given().get("/api/v1/segments/worksheet/low-share-of-wallet?minWallet=50000").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].customerId", equalTo(id(1).toString()))
                .body("items[0].categories", equalTo(1));
        given().get("/api/v1/segments/worksheet/prospects?sort=potential,desc&page=0&size=5").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].target", equalTo(true));
        given().get("/api/v1/segments/worksheet/prospects?page=3").then().statusCode(200).body("total", equalTo(1))
                .body("items", hasSize(0));
        given().get("/api/v1/segments/worksheet/cost-drivers?sort=profit,asc").then().statusCode(200);
    }

    @Test
    void coPurchaseRecommendsWhatPeersBoughtWithCounts() {
        data.customer(id(1), null, false);
        data.category(id(1), "TENTS");
        for (int i = 2; i <= 4; i++) {
            data.customer(id(i), null, false);
            data.category(id(i), "TENTS");
            data.category(id(i), "SLEEPING_BAGS");
        }
        data.category(id(2), "STOVES");
        data.customer(id(5), null, false);
        data.category(id(5), "GOLF");                          // no shared category: not a peer
        given().get("/api/v1/segments/customers/{id}/recommendations", id(1)).then().statusCode(200)
                .body("boughtCategories", contains("TENTS")).body("peers", equalTo(3))
                .body("recommendations.category", contains("SLEEPING_BAGS", "STOVES"))
                .body("recommendations.customers", contains(3, 1));
        given().get("/api/v1/segments/customers/{id}/recommendations?limit=0", id(1)).then().statusCode(400);
    }
}
