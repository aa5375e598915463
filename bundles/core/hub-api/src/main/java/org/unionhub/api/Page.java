package org.unionhub.api;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list; {@code total} counts every item that matches, not only this page. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, offset, limit);
    }
}
