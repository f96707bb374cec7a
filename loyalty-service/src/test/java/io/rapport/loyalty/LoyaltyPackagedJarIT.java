package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.rapport.devstack.PackagedJarSettings;
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
    @Test
    void packagedJarBecomesReadyAndServesAnAuthenticatedRequest() {
        PackagedJarSettings.assertReady();

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

    /** What production takes from the environment (the webhook secrets' key), and free ports (see PackagedJarSettings). */
    public static class ProductionSettings extends PackagedJarSettings {
        @Override
        protected Map<String, String> production() {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return Map.of(
                    // production refuses to start without the webhook secrets' key (README "Webhooks")
                    "rapport.webhooks.encryption-key",
                    java.util.Base64.getEncoder().encodeToString(key));
        }
    }
}
