package io.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.auth.ServiceTokenTestFilter;
import io.rapport.devstack.auth.TestServiceTokens;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A service believes only the gateway's signed service token: forged X-Rapport-* headers sent straight to its port,
 * no token, or a token that is expired, too old, for another service, from another issuer or signed by another key
 * get 401 problem+json. Health and metrics answer only on the management port.
 */
@QuarkusTest
class CallerVerificationIT {
    private static final String PROBLEM = "application/problem+json";
    private static final String AUDIENCE = "platform-test";

    /** A request sent exactly as written: the test translation of identity headers is bypassed. */
    private static RequestSpecification raw() {
        return given().header(ServiceTokenTestFilter.RAW, "1");
    }

    private static RequestSpecification bearer(String token) {
        return raw().header("Authorization", "Bearer " + token);
    }

    @Test
    void forgedIdentityHeadersWithoutATokenAre401() {
        raw().header("X-Rapport-Principal", "mallory")
                .header("X-Rapport-Roles", "admin")
                .get("/probe/whoami")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://rapport.dev/problems/unauthorized"));
        raw().header("X-Rapport-Partner-Id", "acme").get("/probe/whoami").then().statusCode(401);
        raw().get("/probe/whoami").then().statusCode(401).contentType(PROBLEM);
        raw().header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .get("/probe/whoami")
                .then()
                .statusCode(401);
    }

    @Test
    void theTokenDecidesWhoCallsAndHeadersAreIgnored() {
        bearer(TestServiceTokens.sign(AUDIENCE, "alice", List.of("sales"), null))
                .header("X-Rapport-Principal", "mallory")
                .header("X-Rapport-Roles", "admin")
                .get("/probe/whoami")
                .then()
                .statusCode(200)
                .body("subject", equalTo("alice"))
                .body("roles", equalTo(List.of("sales")));
        bearer(TestServiceTokens.sign(AUDIENCE, "partner:p-1", List.of(), "p-1"))
                .get("/probe/whoami")
                .then()
                .statusCode(200)
                .body("subject", equalTo("partner:p-1"))
                .body("partnerId", equalTo("p-1"));
    }

    @Test
    void aTokenForAnotherServiceIs401() {
        bearer(TestServiceTokens.sign("loyalty-service", "alice", List.of("admin"), null))
                .get("/probe/whoami")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("detail", containsString("not addressed to this service"));
    }

    @Test
    void expiredOrTooOldTokensAre401() {
        Instant now = Instant.now();
        bearer(TestServiceTokens.sign(
                        TestServiceTokens.ISSUER,
                        AUDIENCE,
                        List.of("admin"),
                        "alice",
                        now.minusSeconds(300),
                        Duration.ofSeconds(60),
                        null))
                .get("/probe/whoami")
                .then()
                .statusCode(401)
                .body("detail", containsString("expired"));
        // not expired, but issued long ago and valid for a day: older than the maximum age
        bearer(TestServiceTokens.sign(
                        TestServiceTokens.ISSUER,
                        AUDIENCE,
                        List.of("admin"),
                        "alice",
                        now.minusSeconds(600),
                        Duration.ofDays(1),
                        null))
                .get("/probe/whoami")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        // fresh, but meant to live a day: longer than the gateway ever issues
        bearer(TestServiceTokens.sign(
                        TestServiceTokens.ISSUER, AUDIENCE, List.of("admin"), "alice", now, Duration.ofDays(1), null))
                .get("/probe/whoami")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void anotherIssuerOrAnUntrustedKeyIs401() {
        bearer(TestServiceTokens.sign(
                        "someone-else",
                        AUDIENCE,
                        List.of("admin"),
                        "alice",
                        Instant.now(),
                        Duration.ofSeconds(60),
                        null))
                .get("/probe/whoami")
                .then()
                .statusCode(401)
                .body("detail", containsString("not issued by the gateway"));
        bearer(TestServiceTokens.sign(
                        TestServiceTokens.untrustedKeyPair().getPrivate(),
                        TestServiceTokens.ISSUER,
                        AUDIENCE,
                        List.of("admin"),
                        "alice",
                        Instant.now(),
                        Duration.ofSeconds(60),
                        null))
                .get("/probe/whoami")
                .then()
                .statusCode(401)
                .body("detail", containsString("signature"));
        // an unsigned token ("alg":"none") with admin claims
        String header =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("{\"iss\":\"rapport-gateway\",\"aud\":\"platform-test\",\"sub\":\"mallory\",\"groups\":[\"admin\"],\"iat\":"
                                        + Instant.now().getEpochSecond() + ",\"exp\":"
                                        + (Instant.now().getEpochSecond() + 60) + "}")
                                .getBytes());
        bearer(header + "." + claims + ".")
                .get("/probe/whoami")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        bearer("not-a-jwt").get("/probe/whoami").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        // on the API port: nothing without a token, and not found with one
        raw().get("/q/health/ready").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        int management = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        raw().port(management).get("/q/health/live").then().statusCode(200);
        raw().port(management).get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        // the API document stays on the API port, where the gateway reads it
        raw().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aRouteWithoutAnAllowRuleIsForAdminOnly() {
        bearer(TestServiceTokens.sign(AUDIENCE, "alice", List.of("sales"), null))
                .get("/probe/things/{id}", java.util.UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("alice (sales)"));
        bearer(TestServiceTokens.sign(AUDIENCE, "p-1", List.of(), "p-1"))
                .get("/probe/things/{id}", java.util.UUID.randomUUID())
                .then()
                .statusCode(403);
        bearer(TestServiceTokens.sign(AUDIENCE, "root", List.of("admin"), null))
                .get("/probe/things/{id}", java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
        // a role named in the rule passes
        bearer(TestServiceTokens.sign(AUDIENCE, "carol", List.of("marketing"), null))
                .get("/probe/whoami")
                .then()
                .statusCode(403);
        bearer(TestServiceTokens.sign(AUDIENCE, "alice", List.of("sales"), null))
                .get("/probe/whoami")
                .then()
                .statusCode(200);
    }
}
