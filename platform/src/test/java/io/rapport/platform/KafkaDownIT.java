package io.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With no broker at all, the service is ready (its database is), reports Kafka apart ({@code /q/health/group/kafka},
 * {@code rapport_kafka_up}) and its HTTP writes succeed into the outbox, to be published when Kafka is back.
 */
@QuarkusTest
@TestProfile(KafkaDownIT.NoBroker.class)
class KafkaDownIT {

    /** Kafka's address is a port nobody listens on. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "localhost:" + unusedPort());
        }

        private static int unusedPort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessIsTheDatabaseOnlyAndWritesSucceedIntoTheOutboxWhileKafkaIsDown() throws Exception {
        Management.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body(
                        "checks.name",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                                org.hamcrest.Matchers.containsString("Kafka connection"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Management.given()
                    .get("/q/health/group/kafka")
                    .then()
                    .statusCode(503)
                    .body("checks[0].name", equalTo("kafka"))
                    .body("checks[0].status", equalTo("DOWN"));
            assertThat(Management.given().get("/q/metrics").asString()).contains("rapport_kafka_up 0.0");
        });

        String subject = UUID.randomUUID().toString();
        given().post("/probe/events/{s}?count=3", subject).then().statusCode(204);
        assertThat(unsent(subject)).isEqualTo(3);
        Management.given().get("/q/health/ready").then().statusCode(200);
        Management.given().get("/q/health/live").then().statusCode(200);
    }

    private long unsent(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from rapport_outbox where subject = ? and sent_at is null")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
