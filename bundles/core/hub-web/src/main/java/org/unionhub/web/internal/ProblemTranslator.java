package org.unionhub.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unionhub.api.FieldError;
import org.unionhub.web.internal.Catalogues.Catalogue;

/**
 * A problem in Chinese: title, detail and each field error's message, with the property names inside messages
 * replaced by their labels ("结束时间不得早于开始时间", not "must not be before startsAt"). The raising bundle's
 * texts and labels come first, then the core's, then every other bundle's; a text no bundle knows stays English.
 */
final class ProblemTranslator {

    /** "field: message", as {@code HubException.invalid} and the JSON mapping write a detail. */
    private static final Pattern FIELD_DETAIL = Pattern.compile("([A-Za-z$][\\w.\\[\\]$-]*): (.+)", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("\\[\\d+\\]");

    private final List<Catalogue> order;

    private ProblemTranslator(List<Catalogue> order) {
        this.order = order;
    }

    /** Whether the client asked for Chinese before English: the first language of {@code Accept-Language}. */
    static boolean wantsChinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false; // API clients that send nothing keep English (docs/api.md)
        }
        String best = null;
        double bestQ = -1;
        for (String part : acceptLanguage.split(",")) {
            String[] bits = part.trim().split(";");
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].trim();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > bestQ && !bits[0].isBlank()) {
                best = bits[0].trim().toLowerCase(Locale.ROOT);
                bestQ = q;
            }
        }
        return best != null && best.startsWith("zh") && bestQ > 0;
    }

    static Problem toChinese(Problem p, Optional<Catalogue> origin, List<Catalogue> all) {
        return of(origin, all).translate(p);
    }

    /** The translator that tries the raising bundle's texts first, then the core's, then every other bundle's. */
    static ProblemTranslator of(Optional<Catalogue> origin, List<Catalogue> all) {
        List<Catalogue> order = new ArrayList<>();
        origin.ifPresent(order::add);
        all.stream().filter(c -> !order.contains(c) && ("core".equals(c.module()) || c.module() == null
                && c.symbolicName().startsWith("org.unionhub."))).forEach(order::add);
        all.stream().filter(c -> !order.contains(c)).forEach(order::add);
        return new ProblemTranslator(order);
    }

    /** The Chinese of one message, as a field error's; empty when no catalogue knows it. */
    Optional<String> message(String english) {
        return text(english, 0);
    }

    /** The key of the first catalogue text {@code english} matches; empty when none does. */
    Optional<String> code(String english) {
        for (Catalogue c : order) {
            Optional<String> k = c.messages().key(english);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    private Problem translate(Problem p) {
        String detail = detail(p.detail());
        List<FieldError> errors = new ArrayList<>();
        for (FieldError e : p.errors()) {
            Optional<String> message = text(e.message(), 0);
            // the whole body ("$") may carry the JSON parser's own English: the Chinese detail says it instead
            errors.add(new FieldError(e.field(), message.orElse("$".equals(e.field()) && detail != null ? detail
                    : e.message())));
        }
        return new Problem(p.type(), title(p.title()), p.status(), detail, errors);
    }

    private String title(String title) {
        for (Catalogue c : order) {
            Optional<String> t = c.messages().title(title);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return title;
    }

    private String detail(String detail) {
        if (detail == null) {
            return null;
        }
        Optional<String> whole = text(detail, 0);
        if (whole.isPresent()) {
            return whole.get();
        }
        Matcher m = FIELD_DETAIL.matcher(detail);
        if (m.matches()) {
            Optional<String> message = text(m.group(2), 0);
            if (message.isPresent()) {
                return field(m.group(1)) + "：" + message.get();
            }
        }
        return detail;
    }

    private Optional<String> text(String english, int depth) {
        if (english == null || depth > 2) {
            return Optional.empty();
        }
        for (Catalogue c : order) {
            Optional<String> t = c.messages().translate(english, v -> argument(v, depth + 1));
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** A value put into a message: a property name becomes its label, a code its label, a known phrase Chinese. */
    private String argument(String value, int depth) {
        String label = label("fields", value);
        if (label == null) {
            label = label("values", value);
        }
        if (label != null) {
            return label;
        }
        for (Catalogue c : order) {
            Optional<String> w = c.messages().word(value);
            if (w.isPresent()) {
                return w.get();
            }
        }
        return text(value, depth).orElse(value);
    }

    /** The label of a field path: "items[0].amount" is labelled by "amount". */
    private String field(String path) {
        String last = INDEX.matcher(path).replaceAll("");
        last = last.substring(last.lastIndexOf('.') + 1);
        String label = label("fields", last);
        return label == null ? path : label;
    }

    private String label(String kind, String key) {
        for (Catalogue c : order) {
            String l = c.label(kind, key);
            if (l != null) {
                return l;
            }
        }
        return null;
    }
}
