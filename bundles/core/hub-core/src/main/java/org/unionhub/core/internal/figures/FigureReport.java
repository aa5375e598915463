package org.unionhub.core.internal.figures;

import java.time.LocalDate;
import java.util.List;

/** Figures of every installed module that reports some, for one period, from {@code orgId} down. */
public record FigureReport(String period, LocalDate from, LocalDate to, long orgId, List<String> modules,
        List<FigureRow> rows) {
}
