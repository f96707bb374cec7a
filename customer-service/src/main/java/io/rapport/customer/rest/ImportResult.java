package io.rapport.customer.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of a bulk import, one result per non-blank line. CREATED: stored now; EXISTING: the row's
 * identity (order id, or e-mail/phone/external id) was already stored, nothing changed (so a re-run changes
 * nothing); FAILED: the row was refused, {@code field} and {@code message} say why.
 */
public record ImportResult(int rows, int created, int existing, int failed, List<Row> results) {

    public enum Status {
        CREATED, EXISTING, FAILED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(int line, Status status, UUID id, String field, String message) {

        public static Row failed(int line, String field, String message) {
            return new Row(line, Status.FAILED, null, field, message);
        }
    }

    public static ImportResult of(List<Row> results) {
        int created = (int) results.stream().filter(r -> r.status() == Status.CREATED).count();
        int existing = (int) results.stream().filter(r -> r.status() == Status.EXISTING).count();
        return new ImportResult(results.size(), created, existing, results.size() - created - existing, results);
    }
}
