package io.rapport.segmentation.rest;

import io.rapport.segmentation.domain.Scheme;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code {scheme}} path segment of the policy routes, documented and checked in this one place: an unknown or
 * blank scheme is the 400 problem of {@link Params#scheme(String)} (the value sent is not echoed).
 */
public class SchemePath {
    @PathParam("scheme")
    @Parameter(
            description = "The classification scheme",
            required = true,
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"ABC", "VALUE"}))
    String value;

    /** The scheme named by the path, or a 400 problem. */
    Scheme scheme() {
        return Params.scheme(value);
    }
}
