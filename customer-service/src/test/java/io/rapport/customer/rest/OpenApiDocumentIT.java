package io.rapport.customer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract as served: the document is written to {@code target/openapi.json} (to diff before and after a
 * change), and the schema names in its components stay what clients generated their code from.
 */
@QuarkusTest
class OpenApiDocumentIT {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theDocumentKeepsItsSchemaNames() throws Exception {
        String body = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Files.writeString(Path.of("target", "openapi.json"), body);
        JsonNode doc = JSON.readTree(body);
        List<String> names = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        Files.writeString(Path.of("target", "openapi-schemas.txt"), String.join("\n", names));
        assertThat(names).isNotEmpty();
    }
}
