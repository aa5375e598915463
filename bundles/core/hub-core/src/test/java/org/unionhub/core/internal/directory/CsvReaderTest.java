package org.unionhub.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotesLineBreaksAndCrlfAndTellsWhereEachRecordBegan() throws IOException {
        CsvReader r = new CsvReader(new StringReader("name,orgId\r\n\"王, 伟\",4\r\n\"李\"\"强\"\"\n第二行\",5\n陈,6"));
        assertEquals(List.of("name", "orgId"), r.next());
        assertEquals(1, r.line());
        assertEquals(List.of("王, 伟", "4"), r.next());
        assertEquals(2, r.line());
        assertEquals(List.of("李\"强\"\n第二行", "5"), r.next());
        assertEquals(3, r.line());
        assertEquals(List.of("陈", "6"), r.next());
        assertEquals(5, r.line(), "the quoted line break counts as a line");
        assertNull(r.next());
    }

    @Test
    void aBrokenFileIsRefusedAtItsLineWithoutReadingOn() {
        CsvReader open = new CsvReader(new StringReader("a\n\"never closed\n"));
        IOException e = assertThrows(IOException.class, () -> {
            open.next();
            open.next();
        });
        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
        CsvReader endless = new CsvReader(new StringReader("x".repeat(CsvReader.MAX_CELL + 1)));
        assertThrows(IOException.class, endless::next);
    }

    /**
     * Two million lines (about 90 MB of CSV, produced as they are read and never held) pass through one record at a
     * time: the reader keeps a record, not the file, and still knows each line's number at the end.
     */
    @Test
    void aProvinceSizedFileStreams() throws IOException {
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
        Reader in = new InputStreamReader(file, StandardCharsets.UTF_8);
        CsvReader r = new CsvReader(new java.io.BufferedReader(in, 64 * 1024));
        r.next();
        long count = 0;
        List<String> last = null;
        int lastLine = 0;
        for (List<String> cells = r.next(); cells != null; cells = r.next()) {
            count++;
            last = cells;
            lastLine = r.line();
        }
        assertEquals(lines, count);
        assertEquals(List.of("会员" + lines, "4", "EMPLOYEE"), last);
        assertEquals(lines + 1, lastLine);
    }
}
