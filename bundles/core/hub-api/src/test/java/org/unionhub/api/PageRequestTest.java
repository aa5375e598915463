package org.unionhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsAndPageJumps() {
        PageRequest p = PageRequest.of(null, null, null, null, null);
        assertEquals(0, p.offset());
        assertEquals(PageRequest.DEFAULT_LIMIT, p.limit());
        assertNull(p.cursor());
        assertEquals(40, PageRequest.of(null, 20, 3, null, null).offset());
        assertEquals("-name", PageRequest.of(null, null, null, " ", " -name ").sort());
        assertNull(PageRequest.of(null, null, null, " ", " ").cursor());
    }

    @Test
    void eachWrongParameterIsNamed() {
        assertField("limit", () -> PageRequest.of(null, 501, null, null, null));
        assertField("limit", () -> PageRequest.of(null, 0, null, null, null));
        assertField("offset", () -> PageRequest.of(PageRequest.MAX_OFFSET + 1, null, null, null, null));
        assertField("offset", () -> PageRequest.of(-1, null, null, null, null));
        assertField("page", () -> PageRequest.of(null, 50, 0, null, null));
        assertField("page", () -> PageRequest.of(null, 50, 202, null, null));
        assertField("page", () -> PageRequest.of(10, 50, 2, null, null));
        assertField("cursor", () -> PageRequest.of(50, 50, null, "abc", null));
        assertEquals(PageRequest.MAX_OFFSET, PageRequest.of(null, 50, 201, null, null).offset());
    }

    private static void assertField(String field, Runnable r) {
        HubException e = assertThrows(HubException.class, r::run);
        assertEquals(400, e.status());
        assertEquals(field, e.errors().get(0).field());
    }
}
