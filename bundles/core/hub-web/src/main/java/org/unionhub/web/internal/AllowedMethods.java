package org.unionhub.web.internal;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** The HTTP methods the OpenAPI document declares for a request path: what a 405's {@code Allow} header lists. */
final class AllowedMethods {

    private AllowedMethods() {
    }

    /** {@code path} is relative to the API base, e.g. {@code /fairs/12}; answers e.g. {@code GET, HEAD, OPTIONS, PUT}. */
    static String of(JsonNode document, String path) {
        TreeSet<String> methods = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (path.replaceAll("/+$", "").matches(template(e.getKey()))) {
                e.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return String.join(", ", methods);
    }

    /**
     * True when the document declares {@code method path} open to anyone ({@code security: [{}]}); false when it
     * needs an account or the document does not know it.
     */
    static boolean isOpen(JsonNode document, String path, String method) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode op = e.getValue().path(method.toLowerCase(Locale.ROOT));
            if (!op.isMissingNode() && path.replaceAll("/+$", "").matches(template(e.getKey()))) {
                JsonNode security = op.path("security");
                return security.size() == 1 && security.get(0).isEmpty();
            }
        }
        return false;
    }

    private static String template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.replaceAll("/+$", "").split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : java.util.regex.Pattern.quote(part));
        }
        return regex.toString();
    }
}
