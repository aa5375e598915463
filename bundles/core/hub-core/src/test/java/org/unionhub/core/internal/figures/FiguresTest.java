package org.unionhub.core.internal.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;
import org.unionhub.core.internal.figures.FiguresStore.OrgNode;

class FiguresTest {

    @Test
    void eachOrganisationsTotalIsItsOwnCountPlusEverythingBelowIt() {
        // city 1 > districts 2, 3 > grassroots 4 (below 2), 5 (below 4)
        List<OrgNode> tree = List.of(new OrgNode(1, "市", "FEDERATION", null, "/1/"),
                new OrgNode(2, "海沧", "DISTRICT", 1L, "/1/2/"), new OrgNode(4, "港务", "GRASSROOTS", 2L, "/1/2/4/"),
                new OrgNode(5, "码头", "GRASSROOTS", 4L, "/1/2/4/5/"), new OrgNode(3, "思明", "DISTRICT", 1L, "/1/3/"));
        Map<Long, Map<String, BigDecimal>> own = Map.of(1L, Map.of("fairs", BigDecimal.ONE),
                2L, Map.of("fairs", BigDecimal.valueOf(2)), 4L, Map.of("fairs", BigDecimal.valueOf(4)),
                5L, Map.of("fairs", BigDecimal.valueOf(5), "visits", BigDecimal.TEN), 3L, Map.of("fairs", BigDecimal.valueOf(3)));
        Map<Long, Map<String, BigDecimal>> total = Figures.rollUp(tree, own);
        assertEquals(BigDecimal.valueOf(15), total.get(1L).get("fairs"));
        assertEquals(BigDecimal.valueOf(11), total.get(2L).get("fairs"));
        assertEquals(BigDecimal.valueOf(9), total.get(4L).get("fairs"));
        assertEquals(BigDecimal.valueOf(3), total.get(3L).get("fairs"));
        assertEquals(BigDecimal.TEN, total.get(1L).get("visits"));
        assertEquals(3, tree.get(3).depth() - tree.get(0).depth());
    }

    @Test
    void periodsAreAYearAQuarterOrAMonth() {
        assertEquals(new Period("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), Period.parse("2025", "period"));
        assertEquals(new Period("2025-Q2", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1)),
                Period.parse("2025-Q2", "period"));
        assertEquals(new Period("2025-12", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1)),
                Period.parse("2025-12", "period"));
        for (String bad : new String[] {"2025-13", "2025-Q5", "25", "1800", "", "2025-1"}) {
            HubException e = assertThrows(HubException.class, () -> Period.parse(bad, "period"), bad);
            assertEquals(400, e.status());
            assertEquals("period", e.errors().get(0).field());
        }
    }
}
