package io.rapport.customer.rest;

import io.rapport.platform.rest.Problems;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 415 problems that say what a route accepts: the bulk imports read NDJSON or CSV, not JSON, so the
 * generic "send application/json" would mislead there. Other routes keep that message.
 */
public class ImportMediaTypes {

    @ServerExceptionMapper(priority = 1)
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        String path = uri.getPath();
        String detail;
        if (path.endsWith("/api/v1/customers/import") || path.endsWith("/api/v1/customers/import/purchases")) {
            detail =
                    "unsupported media type: send application/x-ndjson (one JSON object per line) or text/csv (UTF-8 with"
                            + " a header row)";
        } else {
            detail = "unsupported media type: send application/json";
        }
        return Problems.response(415, "unsupported-media-type", "Unsupported Media Type", detail, path, null);
    }
}
