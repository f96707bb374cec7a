package io.rapport.platform.rest.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every Rapport service's OpenAPI document usable by client generators, at build time (so the document
 * stored under {@code target/openapi} is the one served):
 * <ul>
 * <li>a stable {@code operationId} per operation (see {@link OperationIds}) unless one is given explicitly;</li>
 * <li>the {@code Problem} schema, and a problem+json response for each error status the operation can answer
 * (see {@link ProblemResponses});</li>
 * <li>every error response typed as problem+json;</li>
 * <li>the {@code Location} header of a 201 answer where the operation names it (see {@link CreatedLocation});</li>
 * <li>{@code Idempotency-Key} on every POST (see {@link IdempotencyKeyParameter});</li>
 * <li>scalars (UUID, Instant, LocalDate, Decimal) written in place rather than as components (see
 * {@link ScalarSchemas}).</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RapportOpenApiFilter implements OASFilter {
    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "ProblemFieldError";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addProblemSchemas(components);
        ScalarSchemas.inline(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            if (item.getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    item.getOperations().entrySet()) {
                Operation operation = op.getValue();
                operation.setOperationId(OperationIds.of(operation.getOperationId()));
                CreatedLocation.document(operation);
                List<Parameter> parameters = new ArrayList<>();
                if (item.getParameters() != null) {
                    parameters.addAll(item.getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                if (operation.getRequestBody() != null) {
                    NdjsonExamples.asText(operation.getRequestBody().getContent());
                }
                IdempotencyKeyParameter.document(op.getKey().name(), operation, parameters);
                if (operation.getParameters() != null) {
                    // the Idempotency-Key header just added can be refused with 400 too (invalid-idempotency-key)
                    operation.getParameters().stream()
                            .filter(p -> !parameters.contains(p))
                            .forEach(parameters::add);
                }
                type(
                        operation,
                        ProblemResponses.statuses(
                                op.getKey().name(), path.getKey(), parameters, operation.getRequestBody() != null));
            }
        }
    }

    private static void type(Operation operation, Map<String, String> statuses) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, APIResponse> existing =
                responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        Map<String, String> wanted = new LinkedHashMap<>(statuses);
        existing.keySet().stream().filter(ProblemResponses::isError).forEach(code -> wanted.putIfAbsent(code, null));
        for (Map.Entry<String, String> s : wanted.entrySet()) {
            APIResponse response = existing.get(s.getKey());
            if (response == null) {
                response = OASFactory.createAPIResponse().description(s.getValue());
                responses.addAPIResponse(s.getKey(), response);
            }
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(s.getValue() == null ? ProblemResponses.describe(s.getKey()) : s.getValue());
            }
            Content content = response.getContent();
            if (content == null
                    || content.getMediaTypes() == null
                    || content.getMediaTypes().isEmpty()) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                PROBLEM_MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM))));
            } else {
                for (MediaType media : content.getMediaTypes().values()) {
                    if (media.getSchema() == null || isEmpty(media.getSchema())) {
                        media.setSchema(OASFactory.createSchema().ref(PROBLEM));
                    }
                }
            }
        }
    }

    private static boolean isEmpty(Schema schema) {
        return schema.getRef() == null
                && schema.getType() == null
                && schema.getProperties() == null
                && schema.getItems() == null
                && schema.getAllOf() == null
                && schema.getOneOf() == null;
    }

    private static void addProblemSchemas(Components components) {
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One offending field: a JSON path such as lines[0].quantity and what is wrong with it")
                .addProperty("field", string("lines[0].quantity"))
                .addProperty("message", string("must be greater than or equal to 1"))
                .addRequired("field")
                .addRequired("message");
        Schema problem = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem detail (application/problem+json)")
                .addProperty(
                        "type",
                        string("https://rapport.dev/problems/validation")
                                .format("uri")
                                .description("Stable, machine-readable kind of problem"))
                .addProperty("title", string("Invalid request"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .examples(List.of(400)))
                .addProperty("detail", string("email: must be a well-formed email address"))
                .addProperty("instance", string("/api/v1/customers").description("The request path"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref(FIELD_ERROR))
                                .description("The offending fields of a validation failure"))
                .addProperty(
                        "context",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .additionalPropertiesBoolean(Boolean.TRUE)
                                .description("Extra facts, e.g. the id of an existing customer on a duplicate"))
                .addRequired("type")
                .addRequired("title")
                .addRequired("status");
        components.addSchema(FIELD_ERROR, fieldError);
        components.addSchema(PROBLEM, problem);
        if (components.getSchemas().get("FieldError") != null) {
            components.removeSchema("FieldError");
        }
    }

    private static Schema string(String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of(example));
    }
}
