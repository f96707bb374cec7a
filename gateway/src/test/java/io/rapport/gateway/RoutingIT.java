package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.TestTokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class RoutingIT {
    private static final String ADMIN = "Bearer " + TestTokens.token("root", "admin");

    @ParameterizedTest
    @CsvSource({
        "/api/v1/customers, customer",
        "/api/v1/customers/7b4c, customer",
        "/api/v1/segments/policies, segmentation",
        "/api/v1/engagement/complaints/1, engagement",
        "/api/v1/engagement/agenda, engagement",
        "/api/v1/loyalty/programmes, loyalty"
    })
    void eachRouteReachesItsService(String path, String service) {
        given().header("Authorization", ADMIN)
                .when()
                .get(path + "?page=1&size=5")
                .then()
                .statusCode(200)
                .header("X-Upstream", service)
                .body("service", equalTo(service))
                .body("path", equalTo(path))
                .body("query", equalTo("page=1&size=5"));
    }

    @Test
    void identityComesFromTheTokenNotFromTheClient() throws Exception {
        JsonPath echo = given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales", "unknown-role"))
                .header("X-Rapport-Principal", "mallory")
                .header("X-Rapport-Roles", "admin")
                .header("X-Rapport-Partner-Id", "evil-partner")
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // the service receives no identity headers, only the gateway's service token addressed to it
        assertThat(echo.getString("headers.'x-rapport-principal'")).isNull();
        assertThat(echo.getString("headers.'x-rapport-roles'")).isNull();
        assertThat(echo.getString("headers.'x-rapport-partner-id'")).isNull();
        io.rapport.platform.identity.ServiceToken token =
                TestTokens.serviceToken(echo.getString("headers.authorization"), "customer-service");
        assertThat(token.subject()).isEqualTo("alice");
        assertThat(token.roles()).containsExactly("sales");
        assertThat(token.partnerId()).isNull();
        // the same token is worthless at another service
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestTokens.serviceToken(echo.getString("headers.authorization"), "loyalty-service"))
                .isInstanceOf(io.rapport.platform.identity.ServiceTokenVerifier.Rejected.class);
    }

    @Test
    void hopByHopHeadersStopAtTheGatewayBothWays() {
        JsonPath echo = given().header("Authorization", ADMIN)
                .header("Connection", "keep-alive, X-Private-Hop")
                .header("X-Private-Hop", "secret")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("X-Custom", "kept")
                .when()
                .get("/api/v1/segments/classes")
                .then()
                .statusCode(200)
                .header("X-Secret-Hop", nullValue())
                .extract()
                .jsonPath();
        assertThat(echo.getString("headers.'x-private-hop'")).isNull();
        assertThat(echo.getString("headers.'proxy-authorization'")).isNull();
        assertThat(echo.getString("headers.'x-custom'")).isEqualTo("kept");
        assertThat(echo.getString("headers.'x-forwarded-for'")).isNotBlank();
    }

    @Test
    void requestIdIsAddedWhenAbsentAndKeptWhenGiven() {
        String generated = given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/loyalty/programmes")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract()
                .header("X-Request-Id");
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/loyalty/programmes")
                .then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Request-Id", org.hamcrest.Matchers.not(generated));
        given().header("Authorization", ADMIN)
                .header("X-Request-Id", "req-42")
                .when()
                .get("/api/v1/loyalty/programmes")
                .then()
                .header("X-Request-Id", "req-42")
                .body("headers.'x-request-id'", equalTo("req-42"));
    }

    @Test
    void traceparentIsPropagatedOrStarted() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("Authorization", ADMIN)
                .header("traceparent", traceparent)
                .when()
                .get("/api/v1/engagement/agenda")
                .then()
                .body("headers.traceparent", equalTo(traceparent));
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/engagement/agenda")
                .then()
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void requestBodiesAreStreamedToTheService() {
        byte[] body = new byte[40_000];
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/customers")
                .then()
                .statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(40_000));
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(new byte[70_000])
                .when()
                .post("/api/v1/customers")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void unknownRoutesAndAmbiguousPathsAreProblems() {
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/invoices")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ADMIN)
                .urlEncodingEnabled(false)
                .when()
                .get("/api/v1/loyalty/partner%2F..%2Fprogrammes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unsupportedMethodsAreProblems() {
        given().header("Authorization", ADMIN)
                .when()
                .request("TRACE", "/api/v1/customers")
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void locationOfACreatedResourcePointsAtTheGatewayNotTheService() {
        String location = given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/customers/created")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        assertThat(location).isEqualTo(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/customers/created/42");
    }

    @Test
    void securityHeadersAreSet() {
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/v1/customers/1")
                .then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void corsPreflightForAConfiguredOriginNeedsNoToken() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .when()
                .options("/api/v1/customers")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "http://evil.example")
                .header("Authorization", ADMIN)
                .when()
                .get("/api/v1/customers/1")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://localhost:3000")
                .header("Authorization", ADMIN)
                .when()
                .get("/api/v1/customers/1")
                .then()
                .header("Access-Control-Allow-Origin", notNullValue());
    }
}
