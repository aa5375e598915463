package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.unionhub.api.FieldError;
import org.unionhub.api.web.ProblemTexts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Problems in Chinese: texts matched with their values, property names replaced by the raising module's labels. */
class ProblemTranslatorTest {

    private final ClassLoader loader = ProblemTranslatorTest.class.getClassLoader();

    private Catalogues.Catalogue web() {
        return new Catalogues.Catalogue("org.unionhub.web", null, new MessageTemplates(
                ProblemTexts.load(loader, ProblemTexts.MESSAGES), ProblemTexts.load(loader, ProblemTexts.MESSAGES_ZH)), null);
    }

    private Catalogues.Catalogue fairs() throws Exception {
        Properties en = new Properties();
        en.setProperty("after", "must be after {0}");
        en.setProperty("outside", "fair {0} is outside your organisation");
        en.setProperty("title.invalid", "Invalid request");
        Properties zh = new Properties();
        zh.setProperty("after", "须晚于{0}");
        zh.setProperty("outside", "集市 {0} 不在您的组织范围内");
        zh.setProperty("title.invalid", "请求无效");
        ObjectNode labels = (ObjectNode) new ObjectMapper().readTree(
                "{\"fields\":{\"startsAt\":\"开始时间\",\"endsAt\":\"结束时间\"},\"values\":{}}");
        return new Catalogues.Catalogue("org.unionhub.fairs.service", "fairs", new MessageTemplates(en, zh), labels);
    }

    @Test
    void fieldMessagesAndDetailAreChineseWithLabelsForPropertyNames() throws Exception {
        Problem p = new Problem("about:blank", "Invalid request", 422, "endsAt: must be after startsAt",
                List.of(new FieldError("endsAt", "must be after startsAt")));
        Problem zh = ProblemTranslator.toChinese(p, Optional.of(fairs()), List.of(web()));
        assertEquals("请求无效", zh.title());
        assertEquals("结束时间：须晚于开始时间", zh.detail());
        assertEquals("须晚于开始时间", zh.errors().get(0).message());
        assertEquals("endsAt", zh.errors().get(0).field(), "the field stays the JSON name: the console places it");
    }

    @Test
    void valuesAreCarriedAndUnknownTextStaysEnglish() throws Exception {
        Problem p = new Problem("about:blank", "Forbidden", 403, "fair 2 is outside your organisation", List.of());
        assertEquals("集市 2 不在您的组织范围内", ProblemTranslator.toChinese(p, Optional.of(fairs()), List.of()).detail());
        Problem unknown = new Problem("about:blank", "Teapot", 418, "no text for this", List.of());
        assertEquals("no text for this", ProblemTranslator.toChinese(unknown, Optional.empty(), List.of(web())).detail());
    }

    @Test
    void theMostSpecificTextWins() {
        MessageTemplates t = new MessageTemplates(ProblemTexts.load(loader, ProblemTexts.MESSAGES),
                ProblemTexts.load(loader, ProblemTexts.MESSAGES_ZH));
        assertEquals("须为以下之一：A, B", t.translate("must be one of [A, B]", v -> v).orElseThrow());
        assertEquals("整数部分最多 12 位", t.translate("must be less than 1E+12 (at most 12 digits before the point)",
                v -> v).orElseThrow());
    }

    @Test
    void chineseOnlyWhenAskedFirst() {
        assertTrue(ProblemTranslator.wantsChinese("zh-CN"));
        assertTrue(ProblemTranslator.wantsChinese("zh-CN,zh;q=0.9,en;q=0.8"));
        assertTrue(ProblemTranslator.wantsChinese("en;q=0.5, zh-Hans"));
        assertFalse(ProblemTranslator.wantsChinese(null));
        assertFalse(ProblemTranslator.wantsChinese("en-US,en;q=0.9,zh-CN;q=0.5"));
        assertFalse(ProblemTranslator.wantsChinese("*"));
    }
}
