package io.rapport.platform.rest;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a problem+json. Prefer the factories: they fix the stable
 * {@code type} and the status for each kind of failure.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> context;

    public ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, Object> context) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.context = context;
    }

    /** 404: {@code what} with this id does not exist. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null, null);
    }

    /** 409: the request clashes with stored state (a duplicate, a state that forbids it). */
    public static ProblemException conflict(String slug, String detail, Map<String, Object> context) {
        return new ProblemException(409, slug, "Conflict", detail, null, context);
    }

    /** 422: well-formed, but breaks a domain rule. */
    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(422, slug, "Unprocessable request", detail, null, null);
    }

    /** 422 naming the field that breaks the rule. */
    public static ProblemException unprocessable(String slug, String field, String message) {
        return new ProblemException(
                422,
                slug,
                "Unprocessable request",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                null);
    }

    /** 400: a malformed or invalid field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                400,
                "validation",
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                null);
    }

    /** 412: the If-Match version is not the current one. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance, errors, context);
    }

    public int status() {
        return status;
    }
}
