package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With the broker up: readiness is the database, the kafka group and gauge say the broker is up. */
@QuarkusTest
class HealthIT {

    @Test
    void readinessChecksTheDatabaseAndTheKafkaGroupReportsTheBroker() {
        Management.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body(
                        "checks.name",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                                org.hamcrest.Matchers.containsString("Kafka connection"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Management.given()
                    .get("/q/health/group/kafka")
                    .then()
                    .statusCode(200)
                    .body("checks[0].status", equalTo("UP"));
            assertThat(Management.given().get("/q/metrics").asString()).contains("rapport_kafka_up 1.0");
        });
    }
}
