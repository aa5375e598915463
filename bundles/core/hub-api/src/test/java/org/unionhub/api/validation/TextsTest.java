package org.unionhub.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void blankIsAbsentAndTextIsTrimmed() {
        assertNull(Texts.blankToNull(null));
        assertNull(Texts.blankToNull(""));
        assertNull(Texts.blankToNull(" \t\n\u3000"));
        assertEquals("王芳", Texts.blankToNull("  王芳 "));
        assertEquals("a b", Texts.blankToNull("a b"));
    }
}
