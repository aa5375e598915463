package org.unionhub.modelworkers.internal;

import java.util.List;

public record ImportReport(int rows, int created, int updated, int unchanged, int refused, List<ImportRow> lines) {
}
