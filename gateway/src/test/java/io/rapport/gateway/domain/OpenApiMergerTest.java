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
        assertThat(schemas.get("LoyaltySummary").get("description").asText()).isEqualTo("loyalty summary");
        assertThat(schemas.has("LoyaltyProblem")).isFalse();
        assertThat(merged.at(
                                "/paths/~1api~1v1~1loyalty~1partner~1earn/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/LoyaltySummary");
        // untagged operations get their service as tag
        assertThat(merged.get("tags"))
                .extracting(t -> t.get("name").asText())
                .containsExactly("T", "Customer", "Loyalty");
    }

    @Test
    void securityIsBearerExceptOnPartnerEndpoints() throws Exception {
        ObjectNode merged = new OpenApiMerger("Rapport API", "1")
                .add("customer", doc("/api/v1/customers/{id}", "a"))
                .add("loyalty", doc("/api/v1/loyalty/partner/earn", "b"))
                .unavailable("engagement-service")
                .build();
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        assertThat(merged.at("/components/securitySchemes/partnerApiKey/name").asText())
                .isEqualTo("X-Api-Key");
        assertThat(merged.at("/security/0").has("bearer")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1loyalty~1partner~1earn/get/security/0")
                        .has("partnerApiKey"))
                .isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1customers~1{id}/get/security").isMissingNode())
                .isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1customers~1{id}/get/responses").has("401"))
                .isTrue();
        assertThat(merged.get("x-rapport-unavailable").get(0).asText()).isEqualTo("engagement-service");
        assertThat(merged.at(
                                "/paths/~1api~1v1~1customers~1{id}/get/responses/401/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theMergedDocumentIsOpenApi31LikeEveryServicesDocument() throws Exception {
        assertThat(new OpenApiMerger("Rapport API", "1")
                        .add("customer", doc("/a", "x"))
                        .build()
                        .get("openapi")
                        .asText())
                .isEqualTo("3.1.0");
    }

    @Test
    void namesAGeneratorWouldTurnIntoTheSameClassAreRenamedToo() throws Exception {
        JsonNode gateway = mapper.readTree("""
                {"paths":{"/g":{"get":{"operationId":"get","responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/customer_Status"}}}}}}}},
                 "components":{"schemas":{"customer_Status":{"type":"string","enum":["OK","DOWN"]}}}}""");
        JsonNode customer = mapper.readTree("""
                {"paths":{"/c":{"get":{"operationId":"get","responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/CustomerStatus"}}}}}}}},
                 "components":{"schemas":{"CustomerStatus":{"type":"string","enum":["ACTIVE","ARCHIVED"]}}}}""");
        ObjectNode merged = new OpenApiMerger("Rapport API", "1")
                .add("gateway", gateway)
                .add("customer", customer)
                .build();
        assertThat(merged.at("/components/schemas").has("CustomerCustomerStatus"))
                .isTrue();
        assertThat(merged.at("/paths/~1c/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/CustomerCustomerStatus");
        assertThat(merged.at("/components/schemas/customer_Status/enum/0").asText())
                .isEqualTo("OK");
        // operation ids stay unique across services
        assertThat(merged.at("/paths/~1g/get/operationId").asText()).isEqualTo("get");
        assertThat(merged.at("/paths/~1c/get/operationId").asText()).isEqualTo("customerGet");
        // tags per service
        assertThat(merged.at("/x-tagGroups/1/name").asText()).isEqualTo("customer");
        assertThat(merged.at("/x-tagGroups/1/tags/0").asText()).isEqualTo("Customer");
    }
}
