package io.rapport.platform.rest;

import java.util.List;
import java.util.function.Function;

/** One page of a listing with the total number of matching items. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page, request.size, total);
    }
}
