package org.unionhub.recuperation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionhub.api.web.ProblemTexts;

/** Every problem message this bundle raises has a key, and every key has Chinese text (issue 20). */
class ProblemTextsTest {

    private final ClassLoader loader = ProblemTextsTest.class.getClassLoader();

    @Test
    void everyKeyHasChineseText() {
        assertEquals(List.of(), ProblemTexts.untranslated(loader));
    }

    @Test
    void everyRaisedMessageHasAKey() {
        assertEquals(List.of(), ProblemTexts.uncovered(Path.of("src/main/java"),
                ProblemTexts.loadAll(loader, ProblemTexts.MESSAGES)));
    }
}
