package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.auth.TestServiceTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * engagement-service calls customer-service on its own behalf, with a token signed by its OWN key (issuer and subject
 * engagement-service, no roles), only to read a recipient at send time: GET /api/v1/customers/{id} answers it; every
 * other route, every write included, answers 403. Its key cannot speak for the gateway or for a person: such tokens
 * are 401.
 */
@QuarkusTest
class EngagementServiceTokenIT {
    private static final String ENGAGEMENT = "engagement-service";
    private static final String AUDIENCE = "customer-service";

    private static RequestSpecification asEngagement() {
        return given().header("Authorization", "Bearer " + TestServiceTokens.signAsService(ENGAGEMENT, AUDIENCE));
    }

    @Test
    void engagementReadsTheRecipientsNameConsentsAndPreferences() {
        String id = AuthorizationMatrixIT.aliceCustomer();
        given().contentType(ContentType.JSON)
                .body("{\"value\":\"long\"}")
                .put("/api/v1/customers/{id}/preferences/pillow/size", id)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));

        asEngagement()
                .accept(ContentType.JSON)
                .get("/api/v1/customers/{id}", id)
                .then()
                .statusCode(200)
                .body("givenName", equalTo("Ada"))
                .body("preferences[0].value", equalTo("long"))
                .body("$", org.hamcrest.Matchers.hasKey("consents"));
        asEngagement().get("/api/v1/customers/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.customer.rest.AuthorizationMatrixIT#routes")
    void everyOtherRouteAndEveryWriteIsRefused(AuthorizationMatrixIT.Route route) {
        String id = AuthorizationMatrixIT.aliceCustomer();
        // the content type a client of the route sends (415 comes before the access rule, as for any client)
        RequestSpecification request =
                asEngagement().contentType(ContentType.JSON).accept(ContentType.JSON);
        if (route.contentType() != null) {
            String body = switch (route.body()) {
                case "NEW_PERSON" -> AuthorizationMatrixIT.NO_OWNER_PERSON.formatted(uniqueEmail());
                case "PURCHASE" -> Api.purchase("o-" + UUID.randomUUID(), 1, "10.00");
                default -> route.body();
            };
            request = request.contentType(route.contentType())
                    .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Response response = request.request(route.method(), route.path().replace("{id}", id));
        if (route.method().equals("GET") && route.path().equals("/api/v1/customers/{id}")) {
            assertThat(response.statusCode())
                    .as("%s: %s", route, response.asString())
                    .isEqualTo(200);
        } else {
            assertThat(response.statusCode())
                    .as("%s: %s", route, response.asString())
                    .isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aWriteToTheCustomerItReadsIsRefusedAndChangesNothing() {
        String id = AuthorizationMatrixIT.aliceCustomer();
        asEngagement()
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"kind\":\"CONSUMER\",\"givenName\":\"Mallory\"}")
                .put("/api/v1/customers/{id}", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("engagement-service (service)"));
        asEngagement()
                .contentType(ContentType.JSON)
                .body("{\"granted\":false,\"source\":\"engagement\"}")
                .put("/api/v1/customers/{id}/consents/EMAIL", id)
                .then()
                .statusCode(403);
        given().get("/api/v1/customers/{id}", id).then().statusCode(200).body("givenName", equalTo("Ada"));
    }

    @Test
    void engagementsKeyCannotSpeakForTheGatewayOrAPerson() {
        String id = AuthorizationMatrixIT.aliceCustomer();
        Instant now = Instant.now();
        // claims the gateway as issuer (and admin), signed with engagement's key
        String asGateway = TestServiceTokens.sign(
                TestServiceTokens.serviceKey(ENGAGEMENT),
                TestServiceTokens.ISSUER,
                AUDIENCE,
                List.of("admin"),
                "root",
                now,
                Duration.ofSeconds(60),
                null);
        // engagement's own issuer, but a person's subject and roles
        String asPerson = TestServiceTokens.sign(
                TestServiceTokens.serviceKey(ENGAGEMENT),
                ENGAGEMENT,
                AUDIENCE,
                List.of("admin"),
                "alice",
                now,
                Duration.ofSeconds(60),
                null);
        String withRoles = TestServiceTokens.sign(
                TestServiceTokens.serviceKey(ENGAGEMENT),
                ENGAGEMENT,
                AUDIENCE,
                List.of("data-steward"),
                ENGAGEMENT,
                now,
                Duration.ofSeconds(60),
                null);
        // the gateway's key signing as engagement: not engagement's key
        String gatewayKeyAsEngagement =
                TestServiceTokens.sign(ENGAGEMENT, AUDIENCE, List.of(), ENGAGEMENT, now, Duration.ofSeconds(60), null);
        for (String token : List.of(asGateway, asPerson, withRoles, gatewayKeyAsEngagement)) {
            given().header("Authorization", "Bearer " + token)
                    .get("/api/v1/customers/{id}", id)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            given().header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .post("/api/v1/customers/{id}/erasure", id)
                    .then()
                    .statusCode(401);
        }
        // and a token engagement made for another service is not for this one
        given().header("Authorization", "Bearer " + TestServiceTokens.signAsService(ENGAGEMENT, "segmentation-service"))
                .get("/api/v1/customers/{id}", id)
                .then()
                .statusCode(401);
    }
}
