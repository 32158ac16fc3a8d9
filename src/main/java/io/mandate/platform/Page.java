package io.mandate.platform;

import java.util.List;

/** One page of a list and the total that matched: the contract's {"startAt","maxResults","total","values"}. */
public record Page<T>(int startAt, int maxResults, int total, List<T> values) {

    public Page {
        values = List.copyOf(values);
    }

    public static <T> Page<T> of(PageRequest request, int total, List<T> values) {
        return new Page<>(request.startAt(), request.maxResults(), total, values);
    }

    /** The same page with other values (e.g. the JSON of each, or fewer when some became invisible meanwhile). */
    public <R> Page<R> withValues(List<R> other) {
        return new Page<>(startAt, maxResults, total, other);
    }
}
