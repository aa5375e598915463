package org.unionhub.mutualaid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;

class CsvTest {

    @Test
    void readsQuotesCommasLineBreaksAndKeepsLineNumbers() {
        List<Csv.Line> lines = Csv.parse("\uFEFFmemberId,cardNumber\r\n1,\n\"\",\"XM-\"\"2\"\"\"\n,\"a,b\nc\"\n\n3,x");
        assertEquals(6, lines.size());
        assertEquals(List.of("memberId", "cardNumber"), lines.get(0).cells());
        assertEquals(2, lines.get(1).number());
        assertEquals(List.of("1", ""), lines.get(1).cells());
        assertEquals(List.of("", "XM-\"2\""), lines.get(2).cells());
        assertEquals(List.of("", "a,b\nc"), lines.get(3).cells());
        assertEquals(4, lines.get(3).number());
        assertEquals(true, lines.get(4).isBlank());
        assertEquals(6, lines.get(4).number());
        assertEquals(List.of("3", "x"), lines.get(5).cells());
        assertEquals(7, lines.get(5).number());
        assertEquals(8, Csv.parse("h\n1\n2\n\"x\ny\"\n\n\n3").get(6).number());
    }

    @Test
    void refusesBrokenQuoting() {
        HubException e = assertThrows(HubException.class, () -> Csv.parse("memberId\n\"1"));
        assertEquals(400, e.status());
        assertEquals("csv", e.errors().get(0).field());
        assertThrows(HubException.class, () -> Csv.parse("a\n1\"2"));
        assertThrows(HubException.class, () -> Csv.parse("a\n\"1\"2"));
    }
}
