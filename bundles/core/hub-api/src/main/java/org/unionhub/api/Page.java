package org.unionhub.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list. {@code total} counts the items that match, not only this page; when counting them
 * all would cost more than the page itself it stops at a cap and {@code totalExact} is false ("at least
 * {@code total}"), and on pages reached by a cursor it is not counted again ({@code -1}, {@code totalExact}
 * false). {@code nextCursor} fetches the page after this one and is null on the last page.
 */
public record Page<T>(List<T> items, long total, int offset, int limit, String nextCursor, boolean totalExact) {

    /** A page whose total is exact and that has no cursor (lists that are short by nature). */
    public Page(List<T> items, long total, int offset, int limit) {
        this(items, total, offset, limit, null, true);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, offset, limit, nextCursor, totalExact);
    }
}
