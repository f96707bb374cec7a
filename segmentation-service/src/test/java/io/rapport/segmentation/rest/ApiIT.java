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
import java.util.List;
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
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/segments/policies")
                .then();
    }

    @Test
    void anUnknownOrBlankSchemeIsTheSame400ProblemOnEveryPolicyRoute() {
        for (String scheme : List.of("NOPE", "%20")) {
            for (var response : List.of(
                    given().get("/api/v1/segments/policies/" + scheme).then(),
                    given().get("/api/v1/segments/policies/" + scheme + "/versions")
                            .then(),
                    given().get("/api/v1/segments/policies/" + scheme + "/versions/1")
                            .then(),
                    given().post("/api/v1/segments/policies/" + scheme + "/versions/1/activate")
                            .then())) {
                response.statusCode(400)
                        .contentType("application/problem+json")
                        .body("detail", containsString("scheme"))
                        .body("detail", containsString("ABC, VALUE"))
                        .body("detail", org.hamcrest.Matchers.not(containsString("NOPE")));
            }
        }
    }

    @Test
    void badPoliciesAreProblemsNeverServerErrors() {
        postPolicy("{\"scheme\":\"XYZ\",\"abc\":{}}").statusCode(400).contentType("application/problem+json");
        postPolicy("{\"abc\":{}}").statusCode(400).contentType("application/problem+json");
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"cutoffs\":[95,80]}}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("increasing"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"cutoffs\":[80,120]}}")
                .statusCode(422)
                .body("detail", containsString("100"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"cutoffs\":[],\"labels\":[\"A\"]}}")
                .statusCode(422)
                .body("detail", containsString("2 classes"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"metric\":\"SCORE\"}}")
                .statusCode(422)
                .body("detail", containsString("weights"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"method\":\"SOMETIMES\"}}").statusCode(400);
        postPolicy("{\"scheme\":\"VALUE\",\"abc\":{}}").statusCode(422);
        postPolicy("{\"scheme\":\"VALUE\",\"value\":{\"mvcTopPercent\":0}}").statusCode(422);
        given().get("/api/v1/segments/policies/NOPE")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("scheme"));
        given().get("/api/v1/segments/customers/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/segments/customers/{id}", id(999))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/segments/worksheet/gold?sort=shoeSize").then().statusCode(400);
        given().get("/api/v1/segments/worksheet/gold?size=1000").then().statusCode(400);
        given().get("/api/v1/segments/transitions?scheme=ABC&from=yesterday")
                .then()
                .statusCode(400);
        given().get("/api/v1/segments/levels?scheme=ABC").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"scheme\":\"NOPE\"}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(400);
    }

    @Test
    void policiesAreVersionedWithOneActivePerScheme() {
        given().get("/api/v1/segments/policies/ABC")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("abc.cutoffs", contains("80", "95"));
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"metric\":\"SCORE\",\"weights\":{\"REVENUE\":0.6,\"TENURE\":0.4},"
                        + "\"method\":\"RANK_PERCENTILE\"}}")
                .statusCode(201)
                .header("ETag", "\"2\"")
                .body("abc.cutoffs", contains("5", "20"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{\"scheme\":\"ABC\",\"abc\":{}}")
                .post("/api/v1/segments/policies")
                .then()
                .statusCode(412);
        given().get("/api/v1/segments/policies/ABC/versions")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].version", equalTo(2))
                .body("items[0].active", equalTo(true))
                .body("items[1].active", equalTo(false));
        given().post("/api/v1/segments/policies/ABC/versions/1/activate")
                .then()
                .statusCode(200)
                .body("active", equalTo(true));
        given().get("/api/v1/segments/policies/ABC").then().body("version", equalTo(1));
        given().get("/api/v1/segments/policies/VALUE")
                .then()
                .statusCode(200)
                .body("value.mvcTopPercent", equalTo("20"));
    }

    @Test
    void runsReportsAndLevels() {
        for (int i = 1; i <= 10; i++) {
            data.revenue(id(i), BigDecimal.valueOf(1000L / i));
        }
        // revenues 1000/i: cumulative share before customer 6 is 78% (< 80), before customer 7 it is 85%: A = 1..6
        given().contentType(ContentType.JSON)
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201)
                .body("runs", hasSize(2));
        String runId = given().get("/api/v1/segments/runs?scheme=ABC")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .extract()
                .path("items[0].runId");
        given().get("/api/v1/segments/runs/{id}", runId)
                .then()
                .statusCode(200)
                .body("pareto", hasSize(100))
                .body("concentration", notNullValue())
                .body("classes.recommendedLevel", hasItem(notNullValue()));
        given().get("/api/v1/segments/levels?scheme=ABC")
                .then()
                .statusCode(200)
                .body("runId", equalTo(runId))
                .body("classes.label", hasItem("A"));
        given().get("/api/v1/segments/transitions?scheme=ABC")
                .then()
                .statusCode(200)
                .body("transitions.find { it.toClass == 'A' }.customers", notNullValue());
        given().get("/api/v1/segments/transitions/customers?scheme=ABC&toClass=A")
                .then()
                .statusCode(200)
                .body("total", equalTo(6))
                .body("items.customerId", hasItem(id(1).toString()));
        given().get("/api/v1/segments/customers/{id}", id(1))
                .then()
                .statusCode(200)
                .body("classes.scheme", hasItem("ABC"))
                .body("classes.find { it.scheme == 'ABC' }.rule", containsString("CUMULATIVE_SHARE"));
    }

    @Test
    void worksheetListsAnswerTheManagersQuestions() {
        LocalDate now = TestData.thisMonth();
        LocalDate lastYear = now.minusMonths(13);
        data.customer(id(1), new BigDecimal("100000"), true); // big wallet, little bought, a prospect
        data.month(id(1), now, "1000", "500", "0", "0", 1, 0);
        data.category(id(1), "TENTS");
        data.customer(id(2), null, false); // costly complainer, below zero
        data.month(id(2), now, "500", "300", "0", "400", 2, 3);
        data.customer(id(3), null, false); // last year's top, fell this year
        data.month(id(3), lastYear, "9000", "4000", "0", "0", 5, 0);
        data.month(id(3), now, "2000", "1000", "0", "0", 1, 0);
        given().contentType(ContentType.JSON)
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201);

        given().get("/api/v1/segments/worksheet/gold")
                .then()
                .statusCode(200)
                .body("items.customerId", hasItem(id(3).toString()));
        given().get("/api/v1/segments/worksheet/cost-drivers")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].customerId", equalTo(id(2).toString()))
                .body("items[0].valueClass", equalTo("BZ"));
        given().get("/api/v1/segments/worksheet/cost-drivers?belowZero=true")
                .then()
                .body("total", equalTo(1));
        given().get("/api/v1/segments/worksheet/repeat-complainers")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].complaints", equalTo(3));
        given().get("/api/v1/segments/worksheet/repeat-complainers?minComplaints=4")
                .then()
                .body("total", equalTo(0));
        given().get("/api/v1/segments/worksheet/top-last-year?top=1")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].customerId", equalTo(id(3).toString()))
                .body("items[0].change", equalTo("-7000.00"));
        given().get("/api/v1/segments/worksheet/low-share-of-wallet?minWallet=50000")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].customerId", equalTo(id(1).toString()))
                .body("items[0].categories", equalTo(1));
        given().get("/api/v1/segments/worksheet/prospects?sort=potential,desc&page=0&size=5")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].target", equalTo(true));
        given().get("/api/v1/segments/worksheet/prospects?page=3")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items", hasSize(0));
        given().get("/api/v1/segments/worksheet/cost-drivers?sort=profit,asc")
                .then()
                .statusCode(200);
    }

    @Test
    void coPurchaseRecommendsWithSupportConfidenceAndLift() {
        data.customer(id(1), null, false);
        data.category(id(1), "TENTS");
        for (int i = 2; i <= 7; i++) { // 6 peers bought TENTS and SLEEPING_BAGS
            data.customer(id(i), null, false);
            data.category(id(i), "TENTS");
            data.category(id(i), "SLEEPING_BAGS");
        }
        for (int i = 8; i <= 9; i++) { // 2 more bought SLEEPING_BAGS and GOLF only
            data.customer(id(i), null, false);
            data.category(id(i), "SLEEPING_BAGS");
            data.category(id(i), "GOLF");
        }
        // 9 customers: TENTS 7, SLEEPING_BAGS 8, both 6: support 6/9, confidence 6/7, lift (6/7) / (8/9)
        given().get("/api/v1/segments/customers/{id}/recommendations", id(1))
                .then()
                .statusCode(200)
                .body("level", equalTo("category"))
                .body("bought", contains("TENTS"))
                .body("customers", equalTo(9))
                .body("minSupport", equalTo(5))
                .body("recommendations.item", contains("SLEEPING_BAGS"))
                .body("recommendations[0].because", equalTo("TENTS"))
                .body("recommendations[0].customers", equalTo(6))
                .body("recommendations[0].support", equalTo("0.6667"))
                .body("recommendations[0].confidence", equalTo("0.8571"))
                .body("recommendations[0].lift", equalTo("0.9643"));
        given().get("/api/v1/segments/customers/{id}/recommendations?limit=0", id(1))
                .then()
                .statusCode(400);
        given().get("/api/v1/segments/customers/{id}/recommendations?level=brand", id(1))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("level"));
    }

    @Test
    void aPairBoughtBySingleCustomerNeverAppears() {
        for (int i = 1; i <= 7; i++) {
            data.customer(id(i), null, false);
            data.category(id(i), "TENTS");
            data.sku(id(i), "TENT-2P");
        }
        data.category(id(2), "ORTHOPAEDIC_INSOLES"); // one customer's purchase: must never be revealed
        data.sku(id(2), "INSOLE-XL");
        for (int i = 3; i <= 6; i++) { // 4 customers: still under the minimum support of 5
            data.category(id(i), "STOVES");
            data.sku(id(i), "STOVE-1");
        }
        for (String level : List.of("category", "sku")) {
            given().get("/api/v1/segments/customers/{id}/recommendations?level=" + level, id(1))
                    .then()
                    .statusCode(200)
                    .body("level", equalTo(level))
                    .body("recommendations", hasSize(0));
        }
        data.customer(id(8), null, false); // a fifth customer buys tent and stove
        data.category(id(8), "TENTS");
        data.category(id(8), "STOVES");
        data.sku(id(8), "TENT-2P");
        data.sku(id(8), "STOVE-1");
        given().get("/api/v1/segments/customers/{id}/recommendations", id(1))
                .then()
                .statusCode(200)
                .body("recommendations.item", contains("STOVES"))
                .body("recommendations[0].customers", equalTo(5));
        given().get("/api/v1/segments/customers/{id}/recommendations?level=sku", id(1))
                .then()
                .statusCode(200)
                .body("bought", contains("TENT-2P"))
                .body("recommendations.item", contains("STOVE-1"));
    }

    @Test
    void levelsShowTheKotlerMatrixInputs() {
        for (int i = 1; i <= 10; i++) {
            data.revenue(id(i), BigDecimal.valueOf(1000L / i));
        }
        given().contentType(ContentType.JSON)
                .body("{\"scheme\":\"ABC\"}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201);
        // A = customers 1..6: 60% of the customers, margin 2449 / 6 per customer against 2927 / 10 = 292.70 overall
        given().get("/api/v1/segments/levels?scheme=ABC")
                .then()
                .statusCode(200)
                .body("policyVersion", equalTo(1))
                .body("averageMarginPerCustomer", equalTo("292.70"))
                .body("matrix.manyPercent", equalTo("40.0000"))
                .body("matrix.highMarginIndex", equalTo("1.5000"))
                .body("classes.find { it.label == 'A' }.shareOfCustomers", equalTo("60.0000"))
                .body("classes.find { it.label == 'A' }.size", equalTo("MANY"))
                .body("classes.find { it.label == 'A' }.marginPerCustomer", equalTo("408.17"))
                .body("classes.find { it.label == 'A' }.marginIndex", equalTo("1.3945"))
                .body("classes.find { it.label == 'A' }.margin", equalTo("MEDIUM"))
                .body("classes.find { it.label == 'A' }.recommendedLevel", equalTo("REACTIVE"));
    }

    @Test
    void worksheetRowsArePlainFixedScaleDecimalsWithTheFiguresThatPutTheCustomerThere() {
        LocalDate now = TestData.thisMonth();
        data.customer(id(1), new BigDecimal("1000000000"), false); // share of wallet 1E-9
        data.month(id(1), now, "1", "0", "0", "0", 1, 0);
        data.customer(id(2), new BigDecimal("5000"), false); // bought 300, all refunded: share 0
        data.month(id(2), now, "300", "0", "300", "0", 1, 0);
        data.customer(id(3), null, false);
        data.month(id(3), now, "1000", "400", "0", "0", 2, 0);
        given().contentType(ContentType.JSON)
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201);

        String body = given().get("/api/v1/segments/worksheet/low-share-of-wallet?maxShare=1&maxCategories=5")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.customerId == '%s' }.shareOfWallet".formatted(id(1)), equalTo("0.0000"))
                .body("items.find { it.customerId == '%s' }.shareOfWallet".formatted(id(2)), equalTo("0.0000"))
                .body("items.find { it.customerId == '%s' }.netRevenue".formatted(id(2)), equalTo("0.00"))
                .body("items.find { it.customerId == '%s' }.revenue".formatted(id(2)), equalTo("300.00"))
                .body("items.find { it.customerId == '%s' }.wallet".formatted(id(1)), equalTo("1000000000.00"))
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContainPattern("[0-9][eE][-+]?[0-9]");
        given().get("/api/v1/segments/worksheet/gold")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].customerId", equalTo(id(3).toString()))
                .body("items[0].abcClass", equalTo("A"))
                .body("items[0].netRevenue", equalTo("1000.00"))
                .body("items[0].grossMargin", equalTo("600.00"))
                .body("items[0].revenueRank", equalTo(1))
                .body("items[0].revenuePercentile", equalTo("0.3333"))
                .body("items[0].valueClass", equalTo("MVC"))
                .body("items[0].profit", equalTo("600.00"));
    }

    @Test
    void anExplanationCitesTheRunAndPolicyVersionThatHoldTheClassAfterAPolicyChange() {
        for (int i = 1; i <= 6; i++) {
            data.revenue(
                    id(i), BigDecimal.valueOf(List.of(500, 300, 100, 50, 30, 20).get(i - 1)));
        }
        String first = given().contentType(ContentType.JSON)
                .body("{\"scheme\":\"ABC\"}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201)
                .extract()
                .path("runs[0].runId");
        postPolicy("{\"scheme\":\"ABC\",\"abc\":{\"cutoffs\":[70,95]}}").statusCode(201);
        String second = given().contentType(ContentType.JSON)
                .body("{\"scheme\":\"ABC\"}")
                .post("/api/v1/segments/runs")
                .then()
                .statusCode(201)
                .extract()
                .path("runs[0].runId");
        org.assertj.core.api.Assertions.assertThat(second).isNotEqualTo(first);
        // customer 1 (500 of 1000) is A under both policies: the second run confirmed the class without rewriting it
        given().get("/api/v1/segments/customers/{id}", id(1))
                .then()
                .statusCode(200)
                .body("classes.find { it.scheme == 'ABC' }.classLabel", equalTo("A"))
                .body("classes.find { it.scheme == 'ABC' }.runId", equalTo(second))
                .body("classes.find { it.scheme == 'ABC' }.policyVersion", equalTo(2))
                .body("classes.find { it.scheme == 'ABC' }.decidedBy", equalTo("RUN"))
                .body("classes.find { it.scheme == 'ABC' }.rule", containsString("70"))
                .body("classes.find { it.scheme == 'ABC' }.reason", containsString(second))
                .body("classes.find { it.scheme == 'ABC' }.figures.revenue", equalTo("500.00"));
    }

    @Test
    void aMissingOrUnknownSchemeIsAProblemNamingTheParameterAndTheAllowedValues() {
        for (String path : List.of(
                "/api/v1/segments/levels",
                "/api/v1/segments/transitions",
                "/api/v1/segments/transitions/customers?toClass=A")) {
            given().get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("scheme: is required: one of ABC, VALUE"))
                    .body("errors[0].field", equalTo("scheme"))
                    .body("detail", org.hamcrest.Matchers.not(containsString("null")));
        }
        given().get("/api/v1/segments/levels?scheme=")
                .then()
                .statusCode(400)
                .body("detail", containsString("is required"));
        given().get("/api/v1/segments/levels?scheme=XYZ")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("scheme: must be one of ABC, VALUE"))
                .body("errors[0].field", equalTo("scheme"));
    }
}
