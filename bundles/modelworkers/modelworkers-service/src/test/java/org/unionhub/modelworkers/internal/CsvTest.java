package org.unionhub.modelworkers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void parsesQuotesCommasLineBreaksAndABom() {
        List<List<String>> rows = Csv.parse("\uFEFFname,workplace\r\n\"王, 伟\",\"说 \"\"好\"\"\"\n\n李娜,\"两\r\n行\"\n");
        assertEquals(List.of(List.of("name", "workplace"), List.of("王, 伟", "说 \"好\""), List.of("李娜", "两\r\n行")), rows);
        assertEquals(List.of(List.of("a", "", "")), Csv.parse("a,,"));
    }

    @Test
    void writesWhatItReads() {
        String line = Csv.line("王, 伟", null, 1989, "说 \"好\"");
        assertEquals(List.of(List.of("王, 伟", "", "1989", "说 \"好\"")), Csv.parse(line));
        assertEquals("'=1+1", Csv.escape("=1+1"), "no formulas into spreadsheets");
    }
}
