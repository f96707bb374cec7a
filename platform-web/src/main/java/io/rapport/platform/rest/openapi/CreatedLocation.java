package io.rapport.platform.rest.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The {@code Location} header of a 201 answer, written once: an operation that creates an addressable resource says
 * {@code @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")} next to its
 * {@code @APIResponseSchema(..., responseCode = "201")}, and {@link RapportOpenApiFilter} turns that into the header
 * (a URI string with that description) on the 201 response, then drops the extension from the document.
 */
public final class CreatedLocation {
    /** The operation extension naming the Location header's description. */
    public static final String EXTENSION = "x-rapport-location";

    private CreatedLocation() {}

    static void document(Operation operation) {
        Map<String, Object> extensions = operation.getExtensions();
        if (extensions == null || !extensions.containsKey(EXTENSION)) {
            return;
        }
        Object description = extensions.get(EXTENSION);
        operation.removeExtension(EXTENSION);
        if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        APIResponse created = operation.getResponses() == null
                ? null
                : operation.getResponses().getAPIResponse("201");
        if (created == null) {
            throw new IllegalStateException(
                    EXTENSION + " on operation " + operation.getOperationId() + " without a 201 response");
        }
        Header location = OASFactory.createHeader()
                .description(String.valueOf(description))
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .format("uri"));
        created.addHeader("Location", location);
    }
}
