package org.unionhub.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a bundle ships the Chinese of what it shows: {@value #MESSAGES} holds each problem message's English text as
 * the code raises it ({@code {0}}, {@code {1}} where the code puts a value), {@value #MESSAGES_ZH} the same keys in
 * Chinese, {@value #LABELS} the label of each code ({@code values}) and JSON property ({@code fields}) of a module.
 * The hub's REST edge answers problems in Chinese from them when the client asks for {@code zh-CN}.
 *
 * <p>A module's unit test calls {@link #untranslated} and {@link #uncovered} so that the build fails when a key
 * has no Chinese or a message the code raises has no key.
 */
public final class ProblemTexts {

    public static final String MESSAGES = "i18n/problems.properties";
    public static final String MESSAGES_ZH = "i18n/problems_zh_CN.properties";
    public static final String LABELS = "labels/zh-CN.json";

    /** A call that raises or collects a message, up to the end of its statement. */
    private static final Pattern RAISING = Pattern.compile("(?<!logger\\.)\\b(?:invalid|error|check|valid|badRequest|forbidden|conflict|"
            + "notFound|unavailable|FieldError|HubException|TooManyAttempts|refuse|tooLarge)\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern HOLE = Pattern.compile("\\{\\d\\}");

    private ProblemTexts() {
    }

    /**
     * Everything wrong with a bundle's texts, for its unit test: each key without Chinese ({@link #untranslated}) and
     * each raised fragment without a key ({@link #uncovered}, against every {@value #MESSAGES} on the loader's path).
     */
    public static List<String> check(ClassLoader loader, Path sources) {
        List<String> out = new ArrayList<>();
        untranslated(loader).forEach(k -> out.add("no Chinese for key " + k));
        out.addAll(uncovered(sources, loadAll(loader, MESSAGES)));
        return out;
    }

    /** The keys of {@value #MESSAGES} (as {@code loader} finds it) that have no text in {@value #MESSAGES_ZH}. */
    public static List<String> untranslated(ClassLoader loader) {
        Properties en = load(loader, MESSAGES);
        Properties zh = load(loader, MESSAGES_ZH);
        List<String> out = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            if (zh.getProperty(key, "").isBlank()) {
                out.add(key);
            }
        }
        return out;
    }

    /**
     * The English fragments in the sources under {@code sources} that a raising call ({@code invalid(…)},
     * {@code check(…)}, {@code new FieldError(…)}, …) puts into a message and that no text of {@code texts} contains:
     * every literal with a space in it must be a piece of some key's English text.
     */
    public static List<String> uncovered(Path sources, Properties... texts) {
        List<String> known = new ArrayList<>();
        for (Properties p : texts) {
            p.stringPropertyNames().forEach(k -> known.add(p.getProperty(k)));
        }
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                Matcher call = RAISING.matcher(Files.readString(f));
                while (call.find()) {
                    Matcher lit = LITERAL.matcher(call.group(1));
                    while (lit.find()) {
                        String s = lit.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
                        if (s.trim().contains(" ") && known.stream().noneMatch(k -> covers(k, s))) {
                            out.add(f.getFileName() + ": " + s);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** Whether the English text {@code known} holds {@code fragment} between its holes. */
    private static boolean covers(String known, String fragment) {
        String f = fragment.trim();
        if (known.contains(f)) {
            return true;
        }
        for (String piece : HOLE.split(known)) {
            if (!piece.isBlank() && f.contains(piece.trim()) && piece.trim().length() * 2 >= f.length()) {
                return true;
            }
        }
        return false;
    }

    /** Every {@code name} on {@code loader}'s path (the bundle's own and those of the bundles it builds on), merged. */
    public static Properties loadAll(ClassLoader loader, String name) {
        Properties all = new Properties();
        try {
            for (java.net.URL url : java.util.Collections.list(loader.getResources(name))) {
                try (InputStream in = url.openStream()) {
                    Properties p = new Properties();
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    p.stringPropertyNames().forEach(k -> all.put(url + "#" + k, p.getProperty(k)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** {@code name} read from {@code loader} as UTF-8 properties; empty when absent. */
    public static Properties load(ClassLoader loader, String name) {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
