package io.rapport.customer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    static final ObjectMapper JSON = new ObjectMapper();

    /** The component schema names as published (moving or renaming a DTO class must keep them: {@code @Schema(name)}). */
    static final List<String> SCHEMAS = List.of(
            "Address",
            "ArchiveRequest",
            "AuditEntry",
            "Channel",
            "ConsentInput",
            "ConsentView",
            "ConsentsView",
            "Contact",
            "ContactView",
            "CostInput",
            "CostType",
            "CostView",
            "Customer",
            "CustomerInput",
            "CustomerKind",
            "CustomerStatus",
            "CustomerSummary",
            "DeadLetter",
            "Decision",
            "DiscardRequest",
            "DoNotContactInput",
            "DormancyRun",
            "DuplicateSuggestion",
            "ErasureInput",
            "ExternalIdInput",
            "ExternalIdView",
            "ImportResult",
            "Line",
            "Line1",
            "Line2",
            "Line3",
            "MergeInput",
            "MergeView",
            "Organisation",
            "PageAuditEntry",
            "PageCostView",
            "PageCustomerSummary",
            "PageDeadLetter",
            "PageDuplicateSuggestionView",
            "PagePreferenceChangeView",
            "PagePreferenceHit",
            "PagePurchaseView",
            "PreferenceChange",
            "PreferenceChangeKind",
            "PreferenceHit",
            "PreferenceInput",
            "PreferenceView",
            "Problem",
            "PurchaseInput",
            "PurchaseView",
            "RedriveRequest",
            "RedriveResult",
            "RefundInput",
            "RefundView",
            "Row",
            "Status",
            "SuggestionAcceptInput",
            "Touchpoint",
            "Wallet",
            "WalletView",
            "ProblemFieldError");

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
        assertThat(names).containsExactlyInAnyOrderElementsOf(SCHEMAS);
        assertThat(operationsLackingText(doc)).isEmpty();
    }

    /**
     * The operations under /api/v1/customers without a summary, a description or responses: the long descriptions
     * live in META-INF/openapi.yaml and the summaries in the annotations, so a path or method misspelt in the file
     * shows here as an operation with a description only.
     */
    static List<String> operationsLackingText(JsonNode doc) {
        List<String> lacking = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/customers")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue().isObject()
                            && !op.getKey().equals("parameters")
                            && (!op.getValue().hasNonNull("summary")
                                    || !op.getValue().hasNonNull("description")
                                    || !op.getValue().hasNonNull("responses"))) {
                        lacking.add(op.getKey() + " " + path.getKey());
                    }
                });
            }
        });
        return lacking;
    }
}
