package org.unionhub.fairs.internal;

import java.time.Instant;
import java.util.List;

import org.unionhub.api.Page;
import org.unionhub.api.db.Keyset;

/**
 * The sorts of the module's lists (the hub's list contract: keyset pages), each over an index (column, ID) from
 * migrations V2 and V3.
 */
final class ListPages {

    /** Fairs, soonest first (FAIRS_FAIR_STARTS_ID). */
    static final Keyset FAIRS = Keyset.by("ID").sort("startsAt", "STARTS_AT", Instant.class).defaultSort("startsAt");
    /** Coupon batches in the order they were issued (FAIRS_BATCH_FAIR_ID for one fair's). */
    static final Keyset BATCHES = Keyset.by("B.ID");
    /** Claimed coupons in the order they were claimed (FAIRS_COUPON_MEMBER_ID, FAIRS_COUPON_ORG_ID). */
    static final Keyset COUPONS = Keyset.by("C.ID");

    private ListPages() {
    }

    /** The page of rows, with the items made of them. */
    static <T> Page<T> with(Page<?> rows, List<T> items) {
        return new Page<>(items, rows.total(), rows.offset(), rows.limit(), rows.nextCursor(), rows.totalExact());
    }
}
