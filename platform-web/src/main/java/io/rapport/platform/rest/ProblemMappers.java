package io.rapport.platform.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to an RFC 9457 problem+json: validation with the offending fields (400),
 * malformed JSON (400), unknown fields (400), domain rules (422), not found (404), conflicts (409),
 * stale versions (412), wrong media type (415), oversized bodies (413), a statement the database cancelled
 * after its {@code statement_timeout} (503 with Retry-After). Never a stack trace; an
 * unexpected error is a 500 with an opaque detail and is logged.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableParameter(ParamConverters.UnreadableParameter e, UriInfo uri) {
        // an unreadable path segment is not echoed, not even as the instance (it may be an e-mail typed for an id)
        return e.inPath() ? Problems.response(e.problem().toProblem(null)) : problem(e.problem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid");
        return Problems.response(400, "validation", "Invalid request", detail, path(uri), errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return Problems.response(
                400,
                "unknown-field",
                "Unknown field",
                field + ": is not a known field",
                path(uri),
                List.of(new Problem.FieldError(field, "is not a known field")));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        // never echo the value (it may be personal data) nor the Java type: name the JSON shape expected
        String field = jsonPath(e);
        String message = "is not " + describe(e.getTargetType());
        return Problems.response(
                400,
                "validation",
                "Invalid request",
                (field.isEmpty() ? "body" : field) + ": " + message,
                path(uri),
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0
                ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return Problems.response(
                400, "malformed-json", "Malformed JSON", "the body is not valid JSON" + where, path(uri), null);
    }

    @ServerExceptionMapper(priority = 2)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        // Jackson's own messages name Java classes and parser states: say what the client can act on instead
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        Class<?> expected = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        String message = expected == null ? "cannot be read" : "must be " + describe(expected);
        if (field.isEmpty()) {
            return Problems.response(400, "malformed-json", "Malformed JSON", "the body " + message, path(uri), null);
        }
        return Problems.response(
                400,
                "validation",
                "Invalid request",
                field + ": " + message,
                path(uri),
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper(priority = 5)
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return json(json, uri);
            }
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported media type: send application/json";
            default -> e.getMessage() == null ? title : e.getMessage();
        };
        String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        return Problems.response(status, slug, title, detail, path(uri), null);
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownField(u, uri);
        }
        if (e instanceof InvalidFormatException f) {
            return invalidFormat(f, uri);
        }
        if (e instanceof JsonParseException p) {
            return malformedJson(p, uri);
        }
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Exception e, UriInfo uri) {
        if (CancelledStatements.isCancelled(e)) {
            LOG.warnf("statement cancelled on %s: %s", path(uri), CancelledStatements.reason(e));
            return Response.fromResponse(Problems.response(
                            503,
                            "statement-timeout",
                            "Service unavailable",
                            "the request needed more database time than is allowed; narrow the filter or retry later",
                            path(uri),
                            null))
                    .header("Retry-After", CancelledStatements.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (e instanceof IllegalArgumentException) {
            return Problems.response(400, "validation", "Invalid request", e.getMessage(), path(uri), null);
        }
        LOG.error("unexpected failure", e);
        return Problems.response(
                500,
                "internal",
                "Internal error",
                "the request could not be completed; it has been logged",
                path(uri),
                null);
    }

    static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.arg0.email" or "update.body.lines[0].quantity": drop the method and parameter parts
        String p = v.getPropertyPath().toString();
        String[] parts = p.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The JSON a client must send for a Java type, in the client's words (never a Java class name). */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || java.math.BigInteger.class == type) {
            return "an integer";
        }
        if (java.math.BigDecimal.class == type) {
            return "a decimal number as a string such as \"12.50\"";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 instant such as 2026-06-01T09:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date such as 2026-06-01";
        }
        if (type == java.time.Duration.class) {
            return "an ISO-8601 duration such as PT1H";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
