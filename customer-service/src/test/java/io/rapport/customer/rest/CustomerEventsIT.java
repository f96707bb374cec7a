package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.devstack.TestKafka;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Drives every customer event type through the API and reads each back from the real broker: CloudEvents
 * headers right, key = subject = customer id (merged id for CustomerMerged), payload valid against the
 * type's JSON Schema from the contracts jar.
 */
@QuarkusTest
class CustomerEventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void everyCustomerEventTypeArrivesOnTheBrokerAsAValidCloudEvent() throws Exception {
        String a = Api.createPerson();
        String b = Api.createPerson();
        String email = Api.uniqueEmail();
        json().body(Api.person(email, Api.uniquePhone()))
                .put("/api/v1/customers/" + a)
                .then()
                .statusCode(200);
        json().body("{\"granted\":true,\"source\":\"form\"}")
                .put("/api/v1/customers/" + a + "/consents/EMAIL")
                .then()
                .statusCode(200);
        json().body("{\"doNotContact\":true,\"source\":\"call\"}")
                .put("/api/v1/customers/" + a + "/do-not-contact")
                .then()
                .statusCode(200);
        String purchase = json().body(Api.purchase("EV-" + System.nanoTime(), 2, "10.00"))
                .post("/api/v1/customers/" + a + "/purchases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        json().body("{\"wholeOrder\":true}")
                .post("/api/v1/customers/" + a + "/purchases/" + purchase + "/refunds")
                .then()
                .statusCode(201);
        json().body("{\"type\":\"DISCOUNT\",\"amount\":\"3.00\",\"currency\":\"EUR\"}")
                .post("/api/v1/customers/" + a + "/costs")
                .then()
                .statusCode(201);
        json().body("{\"mergedId\":\"" + b + "\",\"reason\":\"duplicate\"}")
                .post("/api/v1/customers/" + a + "/merge")
                .then()
                .statusCode(200);
        json().post("/api/v1/customers/" + a + "/erasure").then().statusCode(204);

        Set<String> subjects = Set.of(a, b);
        Set<String> expected = CustomerEvents.ALL.stream().map(EventType::name).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> all = TestKafka.readUntil(
                        Topics.CUSTOMER,
                        Duration.ofSeconds(60),
                        records -> records.stream()
                                        .filter(r -> subjects.contains(r.key()))
                                        .map(r -> header(r, CloudEvents.TYPE))
                                        .collect(Collectors.toSet())
                                        .containsAll(expected)
                                && records.stream()
                                        .filter(r ->
                                                CustomerEvents.ERASED.name().equals(header(r, CloudEvents.TYPE)))
                                        .map(ConsumerRecord::key)
                                        .collect(Collectors.toSet())
                                        .containsAll(subjects))
                .stream()
                .filter(r -> subjects.contains(r.key()))
                .toList();
        Map<String, ConsumerRecord<String, String>> byType = new HashMap<>();
        all.forEach(r -> byType.putIfAbsent(header(r, CloudEvents.TYPE), r));
        assertThat(byType.keySet()).containsAll(expected);
        for (EventType type : CustomerEvents.ALL) {
            ConsumerRecord<String, String> r = byType.get(type.name());
            assertThat(header(r, CloudEvents.SPECVERSION)).isEqualTo("1.0");
            assertThat(UUID.fromString(header(r, CloudEvents.ID))).isNotNull();
            assertThat(header(r, CloudEvents.SOURCE)).isEqualTo("/customer-service");
            assertThat(header(r, CloudEvents.SUBJECT)).isEqualTo(r.key());
            assertThat(Instant.parse(header(r, CloudEvents.TIME)))
                    .isBefore(Instant.now().plusSeconds(5));
            assertThat(header(r, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
            JsonNode payload = JSON.readTree(r.value());
            assertThat(schema(type).validate(payload))
                    .as("%s payload %s", type, r.value())
                    .isEmpty();
        }
        assertThat(byType.get(CustomerEvents.MERGED.name()).key()).isEqualTo(b);
        Map<String, Long> perType = all.stream()
                .collect(
                        Collectors.groupingBy(r -> header(r, CloudEvents.TYPE) + "@" + r.key(), Collectors.counting()));
        assertThat(perType.get(CustomerEvents.MERGED.name() + "@" + b)).isEqualTo(1);
        assertThat(perType.get(CustomerEvents.PURCHASE_RECORDED.name() + "@" + a))
                .isEqualTo(1);
        // erasing the survivor erases the duplicate merged into it too: one CustomerErased each
        assertThat(perType.get(CustomerEvents.ERASED.name() + "@" + a)).isEqualTo(1);
        assertThat(perType.get(CustomerEvents.ERASED.name() + "@" + b)).isEqualTo(1);
    }

    private static JsonSchema schema(EventType type) throws Exception {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaPath())) {
            assertThat(in).as("schema of %s on the classpath", type).isNotNull();
            return SCHEMAS.getSchema(in);
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return TestKafka.header(r, name);
    }
}
