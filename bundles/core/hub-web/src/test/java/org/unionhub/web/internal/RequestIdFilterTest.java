package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void aPlainIdFromTheEdgeIsKept() {
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", RequestIdFilter.accepted("4bf92f3577b34da6a3ce929d0e0e4736"));
        assertEquals("lb-1.req:42", RequestIdFilter.accepted("lb-1.req:42"));
    }

    @Test
    void anythingElseGetsAFreshId() {
        for (String bad : new String[] {null, "", "a b", "x\r\nSet-Cookie: y", "x".repeat(65), "id\"}"}) {
            String id = RequestIdFilter.accepted(bad);
            assertNotEquals(bad, id);
            assertTrue(id.matches("[0-9a-f-]{36}"), id);
        }
    }
}
