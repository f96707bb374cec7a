package io.rapport.platform.rest.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Extensible;
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
        // SmallRye puts a method's @Extension on the operation, its responses or a response the method also declares
        Object description = take(operation);
        if (operation.getResponses() != null) {
            Object onResponses = take(operation.getResponses());
            description = description == null ? onResponses : description;
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            for (APIResponse response :
                    operation.getResponses().getAPIResponses().values()) {
                Object onResponse = take(response);
                description = description == null ? onResponse : description;
            }
        }
        if (description == null) {
            return;
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

    private static Object take(Extensible<?> model) {
        Map<String, Object> extensions = model.getExtensions();
        if (extensions == null || !extensions.containsKey(EXTENSION)) {
            return null;
        }
        Object value = extensions.get(EXTENSION);
        model.removeExtension(EXTENSION);
        if (model.getExtensions() != null && model.getExtensions().isEmpty()) {
            model.setExtensions(null);
        }
        return value;
    }
}
