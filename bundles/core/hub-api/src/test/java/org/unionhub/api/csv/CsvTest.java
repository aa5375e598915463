package org.unionhub.api.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void recordsKeepTheLineTheyBeganOn() throws Exception {
        List<CsvRow> rows = Csv.parse("\uFEFFname,orgId\r\n\"王, 伟\",4\r\n\"李\"\"强\"\"\n第二行\",5\n\n陈,6");
        assertEquals(List.of("name", "orgId"), rows.get(0).cells(), "the byte order mark is not part of the first cell");
        assertEquals(List.of("王, 伟", "4"), rows.get(1).cells());
        assertEquals(List.of("李\"强\"\n第二行", "5"), rows.get(2).cells());
        assertEquals(3, rows.get(2).line());
        assertTrue(rows.get(3).isBlank());
        assertEquals(5, rows.get(3).line(), "the quoted line break counts as a line");
        assertEquals(6, rows.get(4).line());
        assertEquals("陈", rows.get(4).cell(0));
        assertNull(rows.get(4).cell(2));
        assertEquals(5, rows.size());
    }

    @Test
    void anUnclosedQuoteIsReportedOnTheLineItOpened() {
        CsvException e = assertThrows(CsvException.class, () -> Csv.parse("a\n1\n\"never closed\n2\n3\n"));
        assertEquals(3, e.line());
        assertEquals("csv.quote", e.code());
        assertEquals("csv.quote", assertThrows(CsvException.class, () -> Csv.parse("a\n\"1\"2")).code());
    }

    @Test
    void recordsAreBounded() throws Exception {
        assertEquals("csv.cell.long", assertThrows(CsvException.class, () -> Csv.parse("x".repeat(Csv.MAX_CELL + 1))).code());
        assertEquals("csv.cells", assertThrows(CsvException.class, () -> Csv.parse(",".repeat(Csv.MAX_CELLS))).code());
        // a file without a line break stops at the bound, not at the end of the file
        Reader endless = new Reader() {
            long served;

            @Override
            public int read(char[] buf, int off, int len) {
                java.util.Arrays.fill(buf, off, off + len, 'x');
                served += len;
                return len;
            }

            @Override
            public void close() {
            }
        };
        try (Csv csv = Csv.read(endless, 10, 2)) {
            CsvException e = assertThrows(CsvException.class, csv::next);
            assertEquals("csv.cell.long", e.code());
            assertEquals(1, e.line());
        }
    }

    @Test
    void aFailingUploadIsNotTheFilesFault() throws Exception {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
            }
        };
        assertThrows(IOException.class, () -> Csv.read(broken).next());
    }

    @Test
    void linesQuoteWhatNeedsItAndDisarmFormulas() throws Exception {
        String line = Csv.line("王, 伟", null, 1989, "说 \"好\"", "=1+1");
        assertEquals("\"王, 伟\",,1989,\"说 \"\"好\"\"\",'=1+1\r\n", line);
        assertEquals(List.of("王, 伟", "", "1989", "说 \"好\"", "'=1+1"), Csv.parse(line).get(0).cells());
        assertTrue(Csv.read(new StringReader("")).next() == null);
    }

    /**
     * Two million lines (about 90 MB of CSV, produced as they are read and never held) pass through one record at a
     * time: the reader keeps a record, not the file, and still knows each line's number at the end.
     */
    @Test
    void aProvinceSizedFileStreams() throws Exception {
        int lines = 2_000_000;
        InputStream file = new InputStream() {
            private byte[] current = "name,orgId,employmentForm\n".getBytes(StandardCharsets.UTF_8);
            private int pos;
            private int made;

            @Override
            public int read() {
                if (pos == current.length) {
                    if (made == lines) {
                        return -1;
                    }
                    made++;
                    current = ("会员" + made + ",4,EMPLOYEE\n").getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                return current[pos++] & 0xff;
            }
        };
        long count = 0;
        CsvRow last = null;
        try (Csv csv = Csv.read(new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8), 64 * 1024))) {
            csv.next();
            for (CsvRow row = csv.next(); row != null; row = csv.next()) {
                count++;
                last = row;
            }
        }
        assertEquals(lines, count);
        assertEquals(List.of("会员" + lines, "4", "EMPLOYEE"), last.cells());
        assertEquals(lines + 1, last.line());
    }
}
