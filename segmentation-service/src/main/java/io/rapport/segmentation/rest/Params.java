package io.rapport.segmentation.rest;

import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.domain.Scheme;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Checked parsing of path and query parameters: a bad value is a 400 problem naming the parameter. */
final class Params {
    private Params() {
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    static Scheme scheme(String value) {
        Scheme s = Scheme.parse(value);
        if (s == null) {
            throw ProblemException.invalid("scheme", "unknown scheme '" + value + "'; one of ABC, VALUE");
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
