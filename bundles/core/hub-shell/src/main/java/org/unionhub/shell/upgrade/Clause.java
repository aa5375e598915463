package org.unionhub.shell.upgrade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header ({@code org.unionhub.api;version="[2.1,3)";resolution:=optional}). The
 * hub's bundles are built by bnd, whose headers quote every value holding a comma, so splitting outside quotes
 * is the whole grammar this needs.
 */
record Clause(String name, Map<String, String> attributes, Map<String, String> directives) {

    String attribute(String key, String otherwise) {
        return attributes.getOrDefault(key, otherwise);
    }

    String directive(String key) {
        return directives.get(key);
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attributes = new HashMap<>();
            Map<String, String> directives = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (String part : parts) {
                int directive = part.indexOf(":=");
                int attribute = part.indexOf('=');
                if (directive > 0) {
                    directives.put(part.substring(0, directive).trim(), unquote(part.substring(directive + 2)));
                } else if (attribute > 0) {
                    attributes.put(part.substring(0, attribute).trim(), unquote(part.substring(attribute + 1)));
                } else {
                    names.add(part.trim());
                }
            }
            // several packages may share one set of attributes: a;b;version=1
            for (String name : names) {
                clauses.add(new Clause(name, attributes, directives));
            }
        }
        return clauses;
    }

    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char ch : s.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
