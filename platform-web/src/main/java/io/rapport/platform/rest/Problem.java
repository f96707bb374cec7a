package io.rapport.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code type} is stable and
 * machine-readable; {@code errors} names the offending fields of a validation failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(examples = "https://rapport.dev/problems/validation")
        String type,

        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,

        @Schema(examples = "email: must be a well-formed email address")
        String detail,

        String instance,
        List<FieldError> errors,

        @Schema(description = "Extra facts, e.g. the id of an existing customer on a duplicate")
        java.util.Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://rapport.dev/problems/";

    /** One offending field: a JSON path such as {@code lines[0].quantity} and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
