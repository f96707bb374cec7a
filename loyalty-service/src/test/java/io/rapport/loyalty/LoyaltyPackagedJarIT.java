package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.rapport.devstack.FreePorts;
import io.rapport.devstack.auth.TestServiceTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, production profile) started by failsafe after
 * {@code package}, on devstack's embedded PostgreSQL and Kafka (TestInfra's resource, handed to the jar as system
 * properties): it migrates its database, reports ready on the management port, verifies the gateway's service token
 * and serves a write and a read.
 */
@QuarkusIntegrationTest
@WithTestResource(LoyaltyPackagedJarIT.ProductionSettings.class)
class LoyaltyPackagedJarIT {
    private static final String MANAGEMENT_PORT = "rapport.it.loyalty.management-port";

    @Test
    void packagedJarBecomesReadyAndServesAnAuthenticatedRequest() {
        given().port(Integer.getInteger(MANAGEMENT_PORT))
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));

        String code = "JAR"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String id = asAdmin()
                .contentType(ContentType.JSON)
                .body("""
                {"code":"%s","name":"Club %s","currency":"EUR",
                 "rules":{"pointsPerUnit":"1","qualificationBasis":"POINTS_EARNED","qualificationMonths":12,"expiryMonths":24,
                          "expiryWarningDays":30,"referrerPoints":0,"newcomerPoints":0,"autoEnrol":null},
                 "tiers":[{"code":"SILVER","name":"Silver","threshold":"0","multiplier":"1"}]}
                """.formatted(code, code))
                .post("/api/v1/loyalty/programmes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .get("/api/v1/loyalty/programmes/{id}", id)
                .then()
                .statusCode(200)
                .body("code", equalTo(code));

        given().get("/api/v1/loyalty/programmes/{id}", id).then().statusCode(401);
    }

    private static RequestSpecification asAdmin() {
        return given().header(
                        "Authorization",
                        "Bearer "
                                + TestServiceTokens.sign("loyalty-service", "packaged-jar-it", Set.of("admin"), null));
    }

    /**
     * What production takes from the environment (nothing more), and fixed free ports for the API
     * and the management interface: with the launcher's random API port (quarkus.http.port=0) the packaged app never
     * finishes starting, because its API and management servers then register Micrometer's http_server_bytes_read
     * with different tag keys.
     */
    public static class ProductionSettings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            int management = FreePorts.next();
            System.setProperty(MANAGEMENT_PORT, Integer.toString(management));
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return Map.of(
                    "quarkus.management.port",
                    Integer.toString(management),
                    "quarkus.http.port",
                    Integer.toString(FreePorts.next()),
                    // production refuses to start without the webhook secrets' key (README "Webhooks")
                    "rapport.webhooks.encryption-key",
                    java.util.Base64.getEncoder().encodeToString(key));
        }

        @Override
        public void stop() {}
    }
}
