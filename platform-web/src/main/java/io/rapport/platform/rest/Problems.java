package io.rapport.platform.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses. */
public final class Problems {
    private Problems() {}

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    public static Response response(
            int status, String slug, String title, String detail, String instance, List<Problem.FieldError> errors) {
        return response(new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance, errors, null));
    }
}
