package io.rapport.segmentation.rest;

import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.domain.Scheme;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Checked parsing of path and query parameters: a bad value is a 400 problem naming the parameter. */
final class Params {
    private Params() {}

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    /** The allowed schemes as the problems name them: "ABC, VALUE". */
    static final String SCHEMES =
            Arrays.stream(Scheme.values()).map(Scheme::name).collect(Collectors.joining(", "));

    /**
     * A required scheme: missing or blank is a 400 saying it is required, another value a 400 listing the allowed
     * ones (the value sent is not echoed).
     */
    static Scheme scheme(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("scheme", "is required: one of " + SCHEMES);
        }
        Scheme s = Scheme.parse(value);
        if (s == null) {
            throw ProblemException.invalid("scheme", "must be one of " + SCHEMES);
        }
        return s;
    }

    /** Null when absent. */
    static Scheme optionalScheme(String value) {
        return value == null || value.isBlank() ? null : scheme(value);
    }

    static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
