package io.rapport.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode doc(String path, String summaryDescription) throws Exception {
        return mapper.readTree("""
                {"openapi":"3.0.3","tags":[{"name":"T"}],
                 "paths":{"%s":{"get":{"responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Summary"}}}}}}}},
                 "components":{"schemas":{"Problem":{"type":"object"},"Summary":{"description":"%s"}}}}
                """.formatted(path, summaryDescription));
    }

    @Test
    void pathsOfEveryServiceAreKeptAndClashingComponentsRenamed() throws Exception {
        ObjectNode merged = new OpenApiMerger("Rapport API", "1")
                .add("customer", doc("/api/v1/customers/{id}", "customer summary"))
                .add("loyalty", doc("/api/v1/loyalty/partner/earn", "loyalty summary"))
                .build();
        assertThat(merged.get("paths").has("/api/v1/customers/{id}")).isTrue();
        assertThat(merged.get("paths").has("/api/v1/loyalty/partner/earn")).isTrue();
        JsonNode schemas = merged.at("/components/schemas");
        assertThat(schemas.get("Summary").get("description").asText()).isEqualTo("customer summary");
        assertThat(schemas.get("loyalty_Summary").get("description").asText()).isEqualTo("loyalty summary");
        assertThat(schemas.has("loyalty_Problem")).isFalse();
        assertThat(merged.at("/paths/~1api~1v1~1loyalty~1partner~1earn/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/loyalty_Summary");
        assertThat(merged.get("tags")).hasSize(1);
    }

    @Test
    void securityIsBearerExceptOnPartnerEndpoints() throws Exception {
        ObjectNode merged = new OpenApiMerger("Rapport API", "1")
                .add("customer", doc("/api/v1/customers/{id}", "a"))
                .add("loyalty", doc("/api/v1/loyalty/partner/earn", "b"))
                .unavailable("engagement-service")
                .build();
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(merged.at("/components/securitySchemes/partnerApiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(merged.at("/security/0").has("bearer")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1loyalty~1partner~1earn/get/security/0").has("partnerApiKey")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1customers~1{id}/get/security").isMissingNode()).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1customers~1{id}/get/responses").has("401")).isTrue();
        assertThat(merged.get("x-rapport-unavailable").get(0).asText()).isEqualTo("engagement-service");
    }
}
