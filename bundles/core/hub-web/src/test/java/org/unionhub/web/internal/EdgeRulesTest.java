package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unionhub.web.internal.EdgeFilter.Rules;

class EdgeRulesTest {

    @Test
    void formTypesCannotWrite() {
        assertFalse(Rules.writableType("text/plain"));
        assertFalse(Rules.writableType("text/plain; charset=UTF-8"));
        assertFalse(Rules.writableType("application/x-www-form-urlencoded"));
        assertFalse(Rules.writableType(null));
        assertTrue(Rules.writableType("application/json; charset=utf-8"));
        assertTrue(Rules.writableType("multipart/form-data; boundary=x"));
        assertTrue(Rules.writableType("text/csv"));
    }

    @Test
    void originMustBeTheHostAsked() {
        assertTrue(Rules.sameOrigin(null, "hub.example:8181"));
        assertTrue(Rules.sameOrigin("http://hub.example:8181", "hub.example:8181"));
        assertTrue(Rules.sameOrigin("https://hub.example", "hub.example"));
        assertFalse(Rules.sameOrigin("https://evil.example", "hub.example"));
        assertFalse(Rules.sameOrigin("http://hub.example:9999", "hub.example:8181"));
        assertFalse(Rules.sameOrigin("null", "hub.example"));
    }

    @Test
    void uploadsAreTheModulesOwnToBound() {
        assertTrue(Rules.isUpload("text/csv"));
        assertTrue(Rules.isUpload("application/pdf"));
        assertFalse(Rules.isUpload("application/json"));
        assertFalse(Rules.isUpload(null));
    }
}
