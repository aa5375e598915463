package org.unionhub.mutualaid.internal;

import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.HubException;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes ("" is a quote inside one),
 * quoted fields may hold commas and line breaks, CRLF or LF line ends, a UTF-8 byte order mark is ignored.
 * Each record keeps the line it started on, so that reports can point at it as a spreadsheet shows it.
 */
final class Csv {

    record Line(int number, List<String> cells) {
        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String cell(int index) {
            return index < 0 || index >= cells.size() ? null : cells.get(index).trim();
        }
    }

    private Csv() {
    }

    static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
                i++;
                continue;
            }
            if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                lines.add(new Line(recordLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                afterQuote = false;
                line++;
                recordLine = line;
            } else if (ch == '"') {
                if (cell.toString().isBlank() && !afterQuote) {
                    cell.setLength(0);
                    quoted = true;
                } else {
                    throw HubException.badRequest("csv", "line " + line + ": a quote inside an unquoted field");
                }
            } else if (afterQuote) {
                if (!Character.isWhitespace(ch)) {
                    throw HubException.badRequest("csv", "line " + line + ": text after a closing quote");
                }
            } else {
                cell.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw HubException.badRequest("csv", "line " + recordLine + ": a quoted field is not closed");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            lines.add(new Line(recordLine, List.copyOf(cells)));
        }
        return lines;
    }
}
