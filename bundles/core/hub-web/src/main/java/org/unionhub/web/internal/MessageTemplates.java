package org.unionhub.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bundle's problem messages: {@code i18n/problems.properties} holds each message key's English text as the code
 * raises it, with {@code {0}}, {@code {1}} where the code puts a value; {@code i18n/problems_zh_CN.properties} holds
 * the Chinese text of the same key. A raised message is matched against the English texts (the one with the most
 * fixed text first), and its values are put into the Chinese text after {@code argument} translated them (a property
 * name becomes its label). Keys starting {@code word.} are single words or phrases the code puts into messages
 * ({@code fair} in "fair 2 does not exist"); keys starting {@code title.} are problem titles.
 */
final class MessageTemplates {

    static final String WORD = "word.";
    static final String TITLE = "title.";
    private static final Pattern HOLE = Pattern.compile("\\{(\\d)\\}");

    record Template(String key, Pattern english, String chinese, int fixed) {
    }

    private final List<Template> templates = new ArrayList<>();
    private final Map<String, String> words = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();

    MessageTemplates(Properties english, Properties chinese) {
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            if (zh == null) {
                continue;
            }
            if (key.startsWith(WORD)) {
                words.put(en, zh);
            } else if (key.startsWith(TITLE)) {
                titles.put(en, zh);
            } else {
                templates.add(new Template(key, pattern(en), zh, HOLE.matcher(en).replaceAll("").length()));
            }
        }
        templates.sort(Comparator.comparingInt(Template::fixed).reversed().thenComparing(Template::key));
    }

    static Pattern pattern(String english) {
        StringBuilder regex = new StringBuilder();
        Matcher m = HOLE.matcher(english);
        int last = 0;
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(last, m.start())));
            // a value the text names twice is the same value both times
            regex.append(seen.contains(m.group(1)) ? "\\k<a" + m.group(1) + ">" : "(?<a" + m.group(1) + ">.+?)");
            seen.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(english.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    Optional<String> word(String english) {
        return Optional.ofNullable(words.get(english));
    }

    Optional<String> title(String english) {
        return Optional.ofNullable(titles.get(english));
    }

    /** The key of the text {@code english} matches; empty when none does. */
    Optional<String> key(String english) {
        return match(english).map(m -> m.template().key());
    }

    private record Match(Template template, Matcher matcher) {
    }

    private Optional<Match> match(String english) {
        if (english == null) {
            return Optional.empty();
        }
        for (Template t : templates) {
            Matcher m = t.english().matcher(english);
            if (m.matches()) {
                return Optional.of(new Match(t, m));
            }
        }
        return Optional.empty();
    }

    /** The Chinese text of {@code english}, its values passed through {@code argument}; empty when no key matches. */
    Optional<String> translate(String english, UnaryOperator<String> argument) {
        return match(english).map(found -> {
            Matcher m = found.matcher();
            String out = found.template().chinese();
            for (int i = 0; i <= 9; i++) {
                if (out.contains("{" + i + "}")) {
                    String value;
                    try {
                        value = m.group("a" + i);
                    } catch (IllegalArgumentException noSuchHole) {
                        continue;
                    }
                    out = out.replace("{" + i + "}", argument.apply(value));
                }
            }
            return out;
        });
    }

    List<Template> templates() {
        return List.copyOf(templates);
    }
}
