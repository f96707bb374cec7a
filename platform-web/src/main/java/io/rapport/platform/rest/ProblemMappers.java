package io.rapport.platform.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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
        return problem(e.problem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return Problems.response(400, "validation", "Invalid request", detail, path(uri), errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return Problems.response(400, "unknown-field", "Unknown field", field + ": is not a known field", path(uri),
                List.of(new Problem.FieldError(field, "is not a known field")));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another format" : describe(e.getTargetType());
        String message = "cannot read " + e.getValue() + " as " + expected;
        return Problems.response(400, "validation", "Invalid request", field + ": " + message, path(uri),
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return Problems.response(400, "malformed-json", "Malformed JSON", "the body is not valid JSON: "
                + e.getOriginalMessage(), path(uri), null);
    }

    @ServerExceptionMapper(priority = 2)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        message = cut > 0 ? message.substring(0, cut) : message;
        if (field.isEmpty()) {
            return Problems.response(400, "malformed-json", "Malformed JSON", message, path(uri), null);
        }
        return Problems.response(400, "validation", "Invalid request", field + ": " + message, path(uri),
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
            return Response.fromResponse(Problems.response(503, "statement-timeout", "Service unavailable",
                    "the request needed more database time than is allowed; narrow the filter or retry later", path(uri), null))
                    .header("Retry-After", CancelledStatements.RETRY_AFTER_SECONDS).build();
        }
        if (e instanceof IllegalArgumentException) {
            return Problems.response(400, "validation", "Invalid request", e.getMessage(), path(uri), null);
        }
        LOG.error("unexpected failure", e);
        return Problems.response(500, "internal", "Internal error",
                "the request could not be completed; it has been logged", path(uri), null);
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

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type.getSimpleName();
    }
}
