package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What loyalty publishes on loyalty.events (through the outbox relay) validates against the contracts' schemas. */
@QuarkusTest
class PublishedEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPublishedEventValidatesAgainstItsSchema() throws Exception {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        Fixtures.adjust(member, 100);
        given().contentType(ContentType.JSON)
                .body(Map.of("points", 10, "reason", "check"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "test"))
                .post("/api/v1/loyalty/members/{id}/leave", member)
                .then()
                .statusCode(200);

        Set<String> mine = new HashSet<>();
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers",
                        bootstrap,
                        "group.id",
                        "schema-check-" + UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.LOYALTY));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r);
                    if (customer.toString().equals(r.key())) {
                        mine.add(header(r, CloudEvents.TYPE));
                    }
                }
                return mine.size() == 4;
            });
        }
        assertThat(mine)
                .containsExactlyInAnyOrder(
                        LoyaltyEvents.MEMBER_ENROLLED.name(),
                        LoyaltyEvents.POINTS_EARNED.name(),
                        LoyaltyEvents.POINTS_REDEEMED.name(),
                        LoyaltyEvents.MEMBER_LEFT.name());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (ConsumerRecord<String, String> r : seen) {
            String type = header(r, CloudEvents.TYPE);
            EventType t = LoyaltyEvents.ALL.stream()
                    .filter(e -> e.name().equals(type))
                    .findFirst()
                    .orElseThrow();
            JsonSchema schema =
                    factory.getSchema(getClass().getClassLoader().getResourceAsStream(t.schemaPath()), config);
            JsonNode payload = JSON.readTree(r.value());
            assertThat(schema.validate(payload)).as("%s %s", type, r.value()).isEmpty();
            assertThat(header(r, CloudEvents.SOURCE)).isEqualTo("/loyalty-service");
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
