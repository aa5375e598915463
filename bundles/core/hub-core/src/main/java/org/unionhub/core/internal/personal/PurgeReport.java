package org.unionhub.core.internal.personal;

import java.time.Instant;
import java.util.List;

/**
 * One run of the retention job: when it ran, the moment it acted as of, who ran it ({@code system} when scheduled),
 * and per module and kind the period applied, the cutoff and the rows it changed.
 */
public record PurgeReport(long id, Instant ranAt, Instant asOf, String ranBy, long rowsChanged, List<Line> lines) {

    public record Line(String module, String kind, int days, Instant cutoff, long rowsChanged) {
    }
}
