package org.unionhub.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client asked of a list, checked at the edge. The one list contract of every hub list:
 * <ul>
 * <li>{@code limit} 1..{@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent;</li>
 * <li>{@code cursor}: the opaque {@code nextCursor} of the previous page; the next page starts after that row
 * (keyset paging, so rows inserted meanwhile neither repeat nor shift the page);</li>
 * <li>{@code page} 1..n: a jump to one of the first pages, as long as it starts within {@value #MAX_OFFSET} rows;</li>
 * <li>{@code offset}: still accepted up to {@value #MAX_OFFSET}; deeper pages are walked with the cursor, since an
 * offset makes the database read and drop every row before it;</li>
 * <li>{@code sort}: a column name the list offers, {@code -name} for descending; each is backed by an index.</li>
 * </ul>
 * A cursor cannot be combined with {@code page} or {@code offset}. Sort names are checked by the store that
 * knows them ({@link org.unionhub.api.db.Keyset}).
 */
public record PageRequest(int offset, int limit, String cursor, String sort) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** The deepest offset a page may start at; beyond it the cursor walks on. */
    public static final int MAX_OFFSET = 10_000;

    /** Offset paging as before the cursor came: no cursor, the list's default order. */
    public PageRequest(int offset, int limit) {
        this(offset, limit, null, null);
    }

    public static PageRequest of(Integer offset, Integer limit) {
        return of(offset, limit, null, null, null);
    }

    /** Checks every paging parameter and answers 400 naming each one that is wrong. */
    public static PageRequest of(Integer offset, Integer limit, Integer page, String cursor, String sort) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        List<FieldError> errors = new ArrayList<>();
        if (l < 1 || l > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
            l = DEFAULT_LIMIT;
        }
        String c = cursor == null || cursor.isBlank() ? null : cursor.trim();
        int o = 0;
        if (offset != null) {
            if (offset < 0 || offset > MAX_OFFSET) {
                errors.add(new FieldError("offset", "must be between 0 and " + MAX_OFFSET
                        + "; walk deeper pages with cursor=<nextCursor>"));
            } else {
                o = offset;
            }
        }
        if (page != null) {
            long start = ((long) page - 1) * l;
            if (page < 1 || start > MAX_OFFSET) {
                errors.add(new FieldError("page", "must be between 1 and " + (MAX_OFFSET / l + 1)
                        + " for limit " + l + "; walk deeper pages with cursor=<nextCursor>"));
            } else if (offset != null) {
                errors.add(new FieldError("page", "cannot be combined with offset"));
            } else {
                o = (int) start;
            }
        }
        if (c != null && (offset != null && offset != 0 || page != null && page != 1)) {
            errors.add(new FieldError("cursor", "cannot be combined with offset or page"));
        }
        if (!errors.isEmpty()) {
            throw new HubException(400, "Bad request", errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message() : "invalid paging", errors);
        }
        return new PageRequest(o, l, c, sort == null || sort.isBlank() ? null : sort.trim());
    }
}
