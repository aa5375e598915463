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
        assertThrows(IllegalArgumentException.class, () -> k.sort("amount", "AMOUNT", java.math.BigDecimal.class));
    }

    @Test
    void aCursorIsOpaqueButCarriesItsSortKeyAndId() {
        String c = Keyset.encode("name", "王伟", 42L);
        assertTrue(c.matches("[A-Za-z0-9_-]+"), c);
    }
}
