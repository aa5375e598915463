package org.unionhub.api.csv;

/**
 * A file that is not CSV from some line on: {@link #line()} is where the record began, {@link #code()} a stable code
 * ({@code csv.quote} for quotes that do not pair up, {@code csv.cell.long} for a cell or record over its bound,
 * {@code csv.cells} for too many cells), so that a report can say it in the reader's language.
 */
public class CsvException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final String code;

    public CsvException(long line, String code, String message) {
        super("line " + line + ": " + message);
        this.line = line;
        this.code = code;
    }

    /** The line (1 = the first) on which the record that broke began. */
    public long line() {
        return line;
    }

    public String code() {
        return code;
    }
}
