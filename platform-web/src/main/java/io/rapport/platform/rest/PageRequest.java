package io.rapport.platform.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Paging and sorting from the query string ({@code ?page=0&size=20&sort=name,desc}); use as a
 * {@code @BeanParam}. Size is bounded ({@value #MAX_SIZE}); the sort is checked against the fields a
 * resource allows, and every listing breaks ties by id so pages are stable.
 */
public class PageRequest {
    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "Zero-based page number", example = "0")
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
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        String[] parts = spec.split(",");
        String field = parts[0].trim();
        if (!sortable.contains(field)) {
            throw ProblemException.invalid("sort", "cannot sort by '" + field + "'; one of " + new java.util.TreeSet<>(sortable));
        }
        boolean descending = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        if (parts.length > 1 && !descending && !parts[1].trim().equalsIgnoreCase("asc")) {
            throw ProblemException.invalid("sort", "direction must be asc or desc");
        }
        return new Sort(field, descending);
    }

    public int offset() {
        return page * size;
    }

    /** A checked sort: the field is one the resource allows. */
    public record Sort(String field, boolean descending) {
        public String direction() {
            return descending ? "desc" : "asc";
        }
    }
}
