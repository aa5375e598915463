package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionhub.api.web.ProblemTexts;

/** Every problem message this bundle raises has a key with Chinese text in i18n/problems(_zh_CN).properties. */
class ProblemTextsTest {

    @Test
    void everyRaisedMessageHasAKeyWithChineseText() {
        assertEquals(List.of(), ProblemTexts.check(ProblemTextsTest.class.getClassLoader(), Path.of("src/main/java")));
    }
}
