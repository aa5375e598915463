package org.unionhub.api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;

class KeysetTest {

    @Test
    void offersItsSortsAndRefusesOthersNamingTheParameter() {
        Keyset k = Keyset.by("ID").sort("name", "NAME", String.class);
        assertEquals(List.of("id", "name"), k.sortNames());
        HubException e = assertThrows(HubException.class, () -> k.defaultSort("phone"));
        assertEquals("sort", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("id, name"));
        assertThrows(IllegalArgumentException.class, () -> k.sort("ratio", "RATIO", Double.class));
    }

    @Test
    void moneyIsASortKeyThatSurvivesTheCursor() {
        Keyset k = Keyset.by("ID").sort("salary", "SALARY", java.math.BigDecimal.class);
        String cursor = Keyset.encode("-salary", new java.math.BigDecimal("8000.50"), 7L);
        assertEquals(new java.math.BigDecimal("8000.50"),
                k.cursorKey(new org.unionhub.api.PageRequest(0, 10, cursor, "-salary"), null, "-salary"));
        HubException e = assertThrows(HubException.class, () -> k.cursorKey(new org.unionhub.api.PageRequest(0, 10,
                Keyset.encode("salary", "much", 7L), "salary"), null, "salary"));
        assertEquals("cursor", e.errors().get(0).field());
    }

    @Test
    void aCursorIsOpaqueButCarriesItsSortKeyAndId() {
        String c = Keyset.encode("name", "王伟", 42L);
        assertTrue(c.matches("[A-Za-z0-9_-]+"), c);
    }
}
