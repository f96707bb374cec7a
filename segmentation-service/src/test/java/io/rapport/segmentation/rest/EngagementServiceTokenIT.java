package io.rapport.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.auth.TestServiceTokens;
import io.rapport.segmentation.TestData;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * engagement-service calls segmentation on its own behalf, with a token signed by its OWN key (issuer and subject
 * engagement-service, no roles), only to read a customer's recommendations at send time: that GET answers it; every
 * other route, every write included, answers 403. Its key cannot speak for the gateway or for a person: 401.
 */
@QuarkusTest
class EngagementServiceTokenIT {
    private static final String ENGAGEMENT = "engagement-service";
    private static final String AUDIENCE = "segmentation-service";
    private static final String S = "/api/v1/segments";

    @Inject
    TestData data;

    private static RequestSpecification asEngagement() {
        return given().header("Authorization", "Bearer " + TestServiceTokens.signAsService(ENGAGEMENT, AUDIENCE))
                .accept(ContentType.JSON);
    }

    @Test
    void engagementReadsACustomersRecommendations() {
        UUID id = UUID.randomUUID();
        data.customer(id, null, false);
        data.category(id, "TENTS");

        asEngagement()
                .get(S + "/customers/{id}/recommendations?level=category&limit=3", id)
                .then()
                .statusCode(200)
                .body("customerId", equalTo(id.toString()))
                .body("bought", org.hamcrest.Matchers.contains("TENTS"));
        asEngagement().get(S + "/customers/{id}", id).then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.segmentation.rest.AuthorizationMatrixIT#routes")
    void everyOtherRouteAndEveryWriteIsRefused(AuthorizationMatrixIT.Route route) {
        RequestSpecification request = asEngagement().contentType(ContentType.JSON);
        if (route.body() != null) {
            request = request.body(route.body());
        }
        Response response = request.request(route.method(), route.path());
        if (route.method().equals("GET") && route.path().endsWith("/recommendations")) {
            // a customer segmentation does not know: the route's own answer, not a refusal
            assertThat(response.statusCode())
                    .as("%s: %s", route, response.asString())
                    .isEqualTo(404);
        } else {
            assertThat(response.statusCode())
                    .as("%s: %s", route, response.asString())
                    .isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void engagementsKeyCannotSpeakForTheGatewayOrAPerson() {
        UUID id = UUID.randomUUID();
        data.customer(id, null, false);
        Instant now = Instant.now();
        String asGateway = TestServiceTokens.sign(
                TestServiceTokens.serviceKey(ENGAGEMENT),
                TestServiceTokens.ISSUER,
                AUDIENCE,
                List.of("marketing"),
                "mia",
                now,
                Duration.ofSeconds(60),
                null);
        String asPerson = TestServiceTokens.sign(
                TestServiceTokens.serviceKey(ENGAGEMENT),
                ENGAGEMENT,
                AUDIENCE,
                List.of("marketing"),
                "mia",
                now,
                Duration.ofSeconds(60),
                null);
        String gatewayKeyAsEngagement =
                TestServiceTokens.sign(ENGAGEMENT, AUDIENCE, List.of(), ENGAGEMENT, now, Duration.ofSeconds(60), null);
        for (String token : List.of(asGateway, asPerson, gatewayKeyAsEngagement)) {
            given().header("Authorization", "Bearer " + token)
                    .get(S + "/customers/{id}/recommendations", id)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            given().header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body("{\"scheme\":\"ABC\"}")
                    .post(S + "/runs")
                    .then()
                    .statusCode(401);
        }
    }
}
