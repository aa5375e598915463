package org.unionhub.core.internal.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The Chinese problem texts are read by officers and members, who do not call the API: they say what to do on the
 * form, never an API path (issue 22). Each form's consent message names the form in Chinese.
 */
class ConsentTextsTest {

    @Test
    void chineseTextsNameNoApiPath() throws IOException {
        Properties zh = load("i18n/problems_zh_CN.properties");
        List<String> withPath = new TreeSet<>(zh.stringPropertyNames()).stream()
                .filter(k -> zh.getProperty(k).contains("/api/") || zh.getProperty(k).matches(".*\\b(GET|POST|PUT) .*"))
                .toList();
        assertEquals(List.of(), withPath);
    }

    @Test
    void everyPurposeHasItsOwnConsentRequiredText() throws IOException {
        Properties en = load("i18n/problems.properties");
        Properties zh = load("i18n/problems_zh_CN.properties");
        for (String purpose : Notices.PURPOSES) {
            if (purpose.equals("join")) {
                continue; // the join form checks its consent itself ("consent" is required)
            }
            String key = "consent.required." + purpose;
            // the text the code raises (CollectedConsents), with the purpose in it: matched as a whole by the translator
            assertEquals("is required: consent to the notice of " + purpose + " (GET /api/notices/" + purpose + ")",
                    en.getProperty(key), key);
            assertNotNull(zh.getProperty(key), key);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(ConsentTextsTest.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
