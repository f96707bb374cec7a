package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.rapport.devstack.PackagedJarSettings;
import io.rapport.devstack.auth.TestServiceTokens;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, production profile) started by failsafe after
 * {@code package}, on devstack's embedded PostgreSQL and Kafka, the local SMTP server and DirectoryStub (TestInfra's
 * resources, handed to the jar as system properties): it migrates its database (the seeded contact plans), reports
 * ready on the management port and verifies the gateway's service token.
 */
@QuarkusIntegrationTest
@WithTestResource(EngagementPackagedJarIT.ProductionSettings.class)
class EngagementPackagedJarIT {
    @Test
    void packagedJarBecomesReadyAndServesAnAuthenticatedRequest() {
        PackagedJarSettings.assertReady();

        given().header(
                        "Authorization",
                        "Bearer "
                                + TestServiceTokens.sign(
                                        "engagement-service", "packaged-jar-it", Set.of("admin"), null))
                .queryParam("level", "PROACTIVE")
                .get("/api/v1/engagement/plans")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.level", everyItem(equalTo("PROACTIVE")));

        given().get("/api/v1/engagement/plans").then().statusCode(401);
    }

    /** What production takes from the environment (the unsubscribe link key), and free ports (see PackagedJarSettings). */
    public static class ProductionSettings extends PackagedJarSettings {
        @Override
        protected Map<String, String> production() {
            return Map.of("rapport.engagement.outreach.unsubscribe-key", "packaged-jar-it-unsubscribe-key-0123456789");
        }
    }
}
