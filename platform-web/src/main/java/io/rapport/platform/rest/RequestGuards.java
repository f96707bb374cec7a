package io.rapport.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized bodies with 413 problem+json before they are read: the limit is
 * {@code rapport.http.max-body-size}, or the larger limit on {@link LargeBody} endpoints.
 */
public class RequestGuards {
    private final HttpConfig config;

    public RequestGuards(HttpConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response limitBodySize(ContainerRequestContext ctx, ResourceInfo resource) {
        String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Problems.response(
                    400,
                    "validation",
                    "Invalid request",
                    "Content-Length is not a number",
                    ctx.getUriInfo().getPath(),
                    null);
        }
        boolean large = resource != null
                && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(LargeBody.class)
                        || resource.getResourceClass().isAnnotationPresent(LargeBody.class));
        long limit = large ? config.maxLargeBodySize() : config.maxBodySize();
        if (bytes > limit) {
            return Problems.response(
                    413,
                    "payload-too-large",
                    "Payload too large",
                    "the body has " + bytes + " bytes; at most " + limit + " are accepted here",
                    ctx.getUriInfo().getPath(),
                    null);
        }
        return null;
    }
}
