package io.rapport.platform.rest.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents {@code Idempotency-Key} (rapport-platform's {@code IdempotencyFilter}) on every POST that does not
 * document it itself, and the {@code Idempotency-Replayed} header on its 2xx answers. Bulk imports (NDJSON, CSV
 * bodies) are idempotent by their own rules and do not take it.
 */
final class IdempotencyKeyParameter {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";

    private IdempotencyKeyParameter() {}

    static void document(String method, Operation operation, List<Parameter> declared) {
        if (!"POST".equalsIgnoreCase(method) || bulk(operation)) {
            return;
        }
        if (declared.stream().noneMatch(p -> HEADER.equalsIgnoreCase(p.getName()))) {
            operation.addParameter(OASFactory.createParameter()
                    .name(HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description(
                            "Makes a retry safe: 1 to 255 printable ASCII characters chosen by the client (a UUID)."
                                    + " A repeat of the same request (same caller, path and body) within 24 h gets the first 2xx"
                                    + " answer again with Idempotency-Replayed: true and changes nothing; the same key with"
                                    + " another body is refused with 422 idempotency-key-reused; while the first request still"
                                    + " runs, 409 idempotency-in-progress with Retry-After. A non-2xx answer is not kept.")
                    .schema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING)
                            .minLength(1)
                            .maxLength(255)
                            .pattern("^[\\x20-\\x7E]+$"))
                    .example("3f1c9a3e-0b7d-4d52-9a53-2f0c6f3f8b21"));
        }
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> r :
                operation.getResponses().getAPIResponses().entrySet()) {
            if (r.getKey().startsWith("2")
                    && (r.getValue().getHeaders() == null
                            || !r.getValue().getHeaders().containsKey(REPLAYED))) {
                r.getValue()
                        .addHeader(
                                REPLAYED,
                                OASFactory.createHeader()
                                        .description(
                                                "true when this is the stored answer of an earlier request with the same"
                                                        + " Idempotency-Key")
                                        .schema(OASFactory.createSchema()
                                                .addType(Schema.SchemaType.STRING)
                                                .enumeration(List.of("true"))));
            }
        }
    }

    private static boolean bulk(Operation operation) {
        if (operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaTypes() == null) {
            return false;
        }
        return operation.getRequestBody().getContent().getMediaTypes().keySet().stream()
                .allMatch(type -> type.contains("ndjson") || type.contains("csv"));
    }
}
