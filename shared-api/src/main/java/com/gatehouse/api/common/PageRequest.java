package com.gatehouse.api.common;

import java.util.List;

/**
 * A page of a list, 1-based: {@code ?page=1&limit=20}, limit at most {@value #MAX_LIMIT}.
 * Refuses (400) anything else rather than guessing.
 */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (page < 1) {
            throw Problem.invalid("page", "must be 1 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest of(Integer page, Integer limit) {
        return new PageRequest(page == null ? 1 : page, limit == null ? DEFAULT_LIMIT : limit);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    /** One page of results and the total across all pages. */
    public record Slice<T>(List<T> items, long total) {

        /** The same page with each item changed (e.g. as the caller may see it); the total stays. */
        public <R> Slice<R> map(java.util.function.Function<? super T, ? extends R> change) {
            return new Slice<>(items.stream().<R>map(change).toList(), total);
        }
    }

    /** The contract's {@code pagination} object. */
    public record Pagination(long total, int page, int limit, long totalPages) {
    }

    public Pagination pagination(long total) {
        return new Pagination(total, page, limit, (total + limit - 1) / limit);
    }
}
