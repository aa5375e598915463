package org.unionhub.core.internal.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The zh-CN message texts of {@code templates.properties}, filled with a message's parameters. */
public final class Templates {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private final Properties texts = new Properties();

    public Templates() {
        try (InputStream in = Templates.class.getResourceAsStream("templates.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text of {@code key} with its parameters filled in; a missing parameter stays visible as {name}. */
    public String text(String key, Map<String, String> params) {
        String t = texts.getProperty(key);
        if (t == null) {
            // an unknown key (a region's own template) still says something readable
            return key + " " + params;
        }
        return fill(t, params);
    }

    public Optional<String> title(String key, Map<String, String> params) {
        return Optional.ofNullable(texts.getProperty(key + ".title")).map(t -> fill(t, params));
    }

    static String fill(String template, Map<String, String> params) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = params.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
