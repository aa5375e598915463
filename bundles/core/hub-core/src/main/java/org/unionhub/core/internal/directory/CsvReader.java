package org.unionhub.core.internal.directory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: commas, double quotes, quoted line breaks, CRLF or LF) one record at a time from a stream,
 * so that an import holds one record, not the file. {@link #line()} is the line on which the last record began,
 * the number a report gives back to the person who fixes the file.
 */
final class CsvReader {

    /** Bounds on one record, so that a file without line breaks cannot fill the heap either. */
    static final int MAX_CELL = 1_000;
    static final int MAX_CELLS = 50;

    private final Reader in;
    private int lineNo = 1;
    private int recordLine;
    private int peeked = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record's cells, or null at the end of the stream. */
    List<String> next() throws IOException {
        recordLine = lineNo;
        int ch = read();
        if (ch < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (ch < 0) {
                    throw new IOException("line " + recordLine + ": a quoted cell is not closed");
                }
                if (ch == '"') {
                    int after = read();
                    if (after == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        ch = after;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        lineNo++;
                    }
                    append(cell, ch);
                }
            } else if (ch == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                if (cells.size() >= MAX_CELLS) {
                    throw new IOException("line " + recordLine + ": more than " + MAX_CELLS + " cells");
                }
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (ch < 0 || ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int after = read();
                    if (after != '\n') {
                        peeked = after;
                    }
                }
                if (ch >= 0) {
                    lineNo++;
                }
                cells.add(cell.toString());
                return cells;
            } else {
                append(cell, ch);
            }
            ch = read();
        }
    }

    /** The line on which the record last returned by {@link #next()} began (1 = the first line). */
    int line() {
        return recordLine;
    }

    private void append(StringBuilder cell, int ch) throws IOException {
        if (cell.length() >= MAX_CELL) {
            throw new IOException("line " + recordLine + ": a cell longer than " + MAX_CELL + " characters");
        }
        cell.append((char) ch);
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }
}
