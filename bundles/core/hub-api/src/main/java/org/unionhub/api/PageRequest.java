package org.unionhub.api;

import java.util.ArrayList;
import java.util.List;

/** Offset and limit of a listing, checked at the edge: offset &ge; 0, limit 1..{@value #MAX_LIMIT}. */
public record PageRequest(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(Integer offset, Integer limit) {
        int o = offset == null ? 0 : offset;
        int l = limit == null ? DEFAULT_LIMIT : limit;
        List<FieldError> errors = new ArrayList<>();
        if (o < 0) {
            errors.add(new FieldError("offset", "must not be negative"));
        }
        if (l < 1 || l > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new HubException(400, "Bad request", "invalid paging", errors);
        }
        return new PageRequest(o, l);
    }
}
