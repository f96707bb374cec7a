package io.rapport.platform.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads enum, UUID, instant and date parameters so that a value that cannot be read is answered
 * with a problem naming the parameter instead of JAX-RS' bare 404: a query, header, cookie, form or
 * matrix parameter answers 400 {@code validation}, a path parameter 400 {@code invalid-path-parameter}
 * (a malformed id is the client's mistake, not a missing resource). The value itself is never echoed.
 * Enum constants match exactly, as they are written in the API documentation.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, ?> reader;
        String expected;
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            List<String> names =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            reader = value -> Enum.valueOf(type, value);
            expected = "one of " + names;
        } else if (rawType == UUID.class) {
            reader = UUID::fromString;
            expected = "a UUID";
        } else if (rawType == Instant.class) {
            reader = Instant::parse;
            expected = "an ISO-8601 instant such as 2026-01-31T09:00:00Z";
        } else if (rawType == LocalDate.class) {
            reader = LocalDate::parse;
            expected = "an ISO-8601 date such as 2026-01-31";
        } else {
            return null;
        }
        Param param = Param.of(annotations);
        return (ParamConverter<T>) new Reading<>(reader, param, expected);
    }

    /** Where a parameter comes from and its name, from its JAX-RS annotation. */
    record Param(String name, boolean inPath) {
        static Param of(Annotation[] annotations) {
            for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
                if (a instanceof PathParam p) {
                    return new Param(p.value(), true);
                } else if (a instanceof QueryParam q) {
                    return new Param(q.value(), false);
                } else if (a instanceof HeaderParam h) {
                    return new Param(h.value(), false);
                } else if (a instanceof CookieParam c) {
                    return new Param(c.value(), false);
                } else if (a instanceof FormParam f) {
                    return new Param(f.value(), false);
                } else if (a instanceof MatrixParam m) {
                    return new Param(m.value(), false);
                }
            }
            return new Param("parameter", false);
        }
    }

    private record Reading<T>(Function<String, T> reader, Param param, String expected) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return reader.apply(value.trim());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // the value is never repeated: it may be personal data (an e-mail typed where an id belongs)
                String message = "cannot be read: expected " + expected;
                ProblemException problem = param.inPath()
                        ? new ProblemException(
                                400,
                                "invalid-path-parameter",
                                "Invalid request",
                                "path parameter " + param.name() + " " + message,
                                java.util.List.of(new Problem.FieldError(param.name(), message)),
                                null)
                        : ProblemException.invalid(param.name(), message);
                throw new UnreadableParameter(problem, param.inPath());
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }

    /**
     * Carries the problem through JAX-RS, which passes a {@link WebApplicationException} thrown by a
     * converter on unchanged (any other exception would become a bare 404).
     */
    public static final class UnreadableParameter extends WebApplicationException {
        private final transient ProblemException problem;
        private final boolean inPath;

        UnreadableParameter(ProblemException problem, boolean inPath) {
            super(problem.getMessage(), problem.status());
            this.problem = problem;
            this.inPath = inPath;
        }

        public boolean inPath() {
            return inPath;
        }

        public ProblemException problem() {
            return problem;
        }
    }
}
