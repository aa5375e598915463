package org.unionhub.api.csv;

import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as spreadsheets write it (RFC 4180: commas, double quotes, quoted line breaks, CRLF or LF, a UTF-8 byte order
 * mark ignored), through Apache Commons CSV. A file is read one record at a time, each record bounded
 * ({@link #MAX_CELL} characters a cell, {@link #MAX_CELLS} cells), so an import holds a record, not the file, and a
 * file without line breaks cannot fill the heap.
 */
public final class Csv implements Closeable {

    public static final int MAX_CELL = 1_000;
    public static final int MAX_CELLS = 50;
    /**
     * What Commons CSV may have read ahead of a record (its buffer) on top of the longest record within the bounds
     * (every cell quoted and made of quotes, each written twice).
     */
    private static final int READ_AHEAD = 16 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final Counting in;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int maxCell;
    private final int maxCells;
    private long linesBefore;

    private Csv(Reader source, int maxCell, int maxCells) throws IOException {
        this.maxCell = maxCell;
        this.maxCells = maxCells;
        this.in = new Counting(withoutBom(source), 2L * (maxCell + 2) * maxCells + READ_AHEAD);
        this.parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** Reads {@code source} record by record with the default bounds. */
    public static Csv read(Reader source) throws IOException {
        return new Csv(source, MAX_CELL, MAX_CELLS);
    }

    /** Reads {@code source} with bounds of its own: at most {@code maxCell} characters a cell, {@code maxCells} cells. */
    public static Csv read(Reader source, int maxCell, int maxCells) throws IOException {
        return new Csv(source, maxCell, maxCells);
    }

    /** Every record of {@code text}, blank lines included (as {@link CsvRow#isBlank() blank} rows). */
    public static List<CsvRow> parse(String text) throws CsvException {
        List<CsvRow> rows = new ArrayList<>();
        try (Csv csv = read(new StringReader(text == null ? "" : text))) {
            for (CsvRow row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string does not fail to read
        }
        return rows;
    }

    /** The next record, or null at the end of the file. */
    public CsvRow next() throws CsvException, IOException {
        long line = linesBefore + 1;
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            if (in.over) {
                // a record past this bound has a cell over its bound or too many cells; most likely a file without line breaks
                throw new CsvException(line, "csv.cell.long", "a cell longer than " + maxCell + " characters");
            }
            if (e.getCause() instanceof CSVException) {
                throw new CsvException(line, "csv.quote", "a quoted cell is not closed, or has text after its closing quote");
            }
            throw e.getCause(); // the upload itself failed: not the file's fault
        }
        linesBefore = parser.getCurrentLineNumber();
        in.recordStarts();
        List<String> cells = record.toList();
        if (cells.size() > maxCells) {
            throw new CsvException(line, "csv.cells", "more than " + maxCells + " cells");
        }
        for (String cell : cells) {
            if (cell.length() > maxCell) {
                throw new CsvException(line, "csv.cell.long", "a cell longer than " + maxCell + " characters");
            }
        }
        return new CsvRow(line, cells);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * One line of CSV with CRLF; null is an empty cell. A cell that begins like a formula ({@code = + - @}) is
     * prefixed with an apostrophe, so that a spreadsheet shows the text rather than running it.
     */
    public static String line(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = text(values[i]);
        }
        return FORMAT.format(cells) + "\r\n";
    }

    static String text(Object value) {
        String s = value == null ? "" : value.toString();
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static Reader withoutBom(Reader source) throws IOException {
        PushbackReader in = new PushbackReader(source, 1);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    /** Counts the characters read since the last record, and refuses to read past {@code bound}. */
    private static final class Counting extends FilterReader {
        final long bound;
        long count;
        boolean over;

        Counting(Reader in, long bound) {
            super(in);
            this.bound = bound;
        }

        void recordStarts() {
            count = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                counted(1);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > bound) {
                over = true;
                throw new IOException("a record longer than " + bound + " characters");
            }
        }
    }
}
