package io.rapport.customer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of a bulk import: how many non-blank lines were read ({@code rows}) and how many of them were
 * CREATED (stored now), EXISTING (the row's identity, order id or e-mail/phone/external id, was already stored;
 * nothing changed, so a re-run changes nothing) or FAILED. Only failures are listed, the first
 * {@code rapport.customer.import-max-errors} of them (by line); {@code errorsOmitted} counts the rest.
 */
public record ImportResult(
        int rows,
        int created,
        int existing,
        int failed,

        @Schema(
                description =
                        "The first failed rows (at most rapport.customer.import-max-errors, default 100), by line")
        List<Row> errors,

        @Schema(description = "Failed rows not listed in errors")
        int errorsOmitted) {

    public enum Status {
        CREATED,
        EXISTING,
        FAILED
    }

    /** One row's outcome; in a response only FAILED rows appear, with {@code field} and {@code message} saying why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int line, Status status, UUID id, String field, String message) {

        public static Row failed(int line, String field, String message) {
            return new Row(line, Status.FAILED, null, field, message);
        }
    }
}
