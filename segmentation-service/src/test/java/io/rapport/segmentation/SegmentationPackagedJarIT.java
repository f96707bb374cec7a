package io.rapport.segmentation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.rapport.devstack.PackagedJarSettings;
import io.rapport.devstack.auth.TestServiceTokens;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, production profile) started by failsafe after
 * {@code package}, on devstack's embedded PostgreSQL and Kafka (TestInfra's resource, handed to the jar as system
 * properties): it migrates its database (the seeded ABC policy), reports ready on the management port and verifies
 * the gateway's service token.
 */
@QuarkusIntegrationTest
@WithTestResource(SegmentationPackagedJarIT.ProductionSettings.class)
class SegmentationPackagedJarIT {
    @Test
    void packagedJarBecomesReadyAndServesAnAuthenticatedRequest() {
        PackagedJarSettings.assertReady();

        given().header(
                        "Authorization",
                        "Bearer "
                                + TestServiceTokens.sign(
                                        "segmentation-service", "packaged-jar-it", Set.of("admin"), null))
                .get("/api/v1/segments/policies/ABC")
                .then()
                .statusCode(200)
                .body("abc.cutoffs", contains("80", "95"));

        given().get("/api/v1/segments/policies/ABC").then().statusCode(401);
    }

    /** What production takes from the environment (nothing more), and free ports (see PackagedJarSettings). */
    public static class ProductionSettings extends PackagedJarSettings {}
}
