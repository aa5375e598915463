package org.unionhub.recuperation.internal;

import java.time.LocalDate;

import org.unionhub.recuperation.api.Category;

/** Places of a programme held for one category until {@code releaseOn}; {@code released} from that day on. */
public record Quota(Category category, int places, int taken, LocalDate releaseOn, boolean released) {

    /** Places still held for the category: none once released. */
    public int held() {
        return released ? 0 : Math.max(places - taken, 0);
    }
}
