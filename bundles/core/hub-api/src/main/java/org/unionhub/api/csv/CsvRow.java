package org.unionhub.api.csv;

import java.util.List;

/** One record of a CSV file with the line it began on, as a spreadsheet numbers it (a quoted line break counts). */
public record CsvRow(long line, List<String> cells) {

    public CsvRow {
        cells = List.copyOf(cells);
    }

    /** The cell at {@code index} without surrounding spaces, or null past the record's end. */
    public String cell(int index) {
        return index < 0 || index >= cells.size() ? null : cells.get(index).trim();
    }

    /** True for an empty line or one of empty cells (",,"), which imports skip. */
    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
