package io.rapport.platform.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Paging and sorting from the query string ({@code ?page=0&size=20&sort=name,desc}); use as a
 * {@code @BeanParam}. Size is bounded ({@value #MAX_SIZE}) and so is the depth: the offset {@code page * size}
 * may not pass {@value #MAX_OFFSET} rows (the database reads and drops every skipped row, so a deep page costs
 * as much as all the pages before it); deeper, a client narrows the filter or reverses the sort. The sort is
 * checked against the fields a resource allows, and every listing breaks ties by id so pages are stable.
 */
public class PageRequest {
    public static final int MAX_SIZE = 200;
    /** Largest offset ({@code page * size}) a listing serves. */
    public static final int MAX_OFFSET = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(
            description = "Zero-based page number; page * size may not exceed 10000 (narrow the filter to go deeper)",
            example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Parameter(description = "Page size, 1 to 200", example = "20")
    public int size;

    @QueryParam("sort")
    @Parameter(description = "Sort field, optionally followed by ,asc or ,desc", example = "createdAt,desc")
    public String sort;

    public static PageRequest of(int page, int size, String sort) {
        PageRequest r = new PageRequest();
        r.page = page;
        r.size = size;
        r.sort = sort;
        return r;
    }

    /** Checks the bounds and the sort field; 400 problem otherwise. */
    public Sort validate(Set<String> sortable, String defaultSort) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        checkDepth();
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        String[] parts = spec.split(",");
        String field = parts[0].trim();
        if (!sortable.contains(field)) {
            throw ProblemException.invalid(
                    "sort", "cannot sort by '" + field + "'; one of " + new java.util.TreeSet<>(sortable));
        }
        boolean descending = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        if (parts.length > 1 && !descending && !parts[1].trim().equalsIgnoreCase("asc")) {
            throw ProblemException.invalid("sort", "direction must be asc or desc");
        }
        return new Sort(field, descending);
    }

    /** {@code page * size}; refuses a page deeper than {@value #MAX_OFFSET} rows. */
    public int offset() {
        checkDepth();
        return page * size;
    }

    private void checkDepth() {
        if ((long) page * size > MAX_OFFSET) {
            throw new ProblemException(
                    400,
                    "page-too-deep",
                    "Invalid request",
                    "page: page * size may not exceed " + MAX_OFFSET
                            + " rows; narrow the filter (or reverse the sort) to reach later items",
                    java.util.List.of(new Problem.FieldError("page", "page * size may not exceed " + MAX_OFFSET)),
                    null);
        }
    }

    /** A checked sort: the field is one the resource allows. */
    public record Sort(String field, boolean descending) {
        public String direction() {
            return descending ? "desc" : "asc";
        }
    }
}
