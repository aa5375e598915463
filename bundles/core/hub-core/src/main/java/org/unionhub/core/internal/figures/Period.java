package org.unionhub.core.internal.figures;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unionhub.api.HubException;

/** A reporting period as the unions name it: a year {@code 2025}, a quarter {@code 2025-Q1}, a month {@code 2025-03}. */
record Period(String name, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** Parses {@code text}; a bad one is a 400 naming {@code field}. */
    static Period parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw HubException.badRequest(field, "is required: a year (2025), a quarter (2025-Q1) or a month (2025-03)");
        }
        String t = text.trim();
        try {
            Matcher m = YEAR.matcher(t);
            if (m.matches()) {
                LocalDate from = LocalDate.of(year(m.group(1), field), 1, 1);
                return new Period(t, from, from.plusYears(1));
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                LocalDate from = LocalDate.of(year(m.group(1), field), 3 * (Integer.parseInt(m.group(2)) - 1) + 1, 1);
                return new Period(t, from, from.plusMonths(3));
            }
            m = MONTH.matcher(t);
            if (m.matches()) {
                LocalDate from = LocalDate.of(year(m.group(1), field), Integer.parseInt(m.group(2)), 1);
                return new Period(t, from, from.plusMonths(1));
            }
        } catch (java.time.DateTimeException e) {
            // a month 13 and the like: the same answer as any other bad period
        }
        throw HubException.badRequest(field, "must be a year (2025), a quarter (2025-Q1) or a month (2025-03)");
    }

    /** As {@link #parse}, for a field of a request body: a bad period is a 422 naming it, as any invalid field. */
    static Period parseField(String text, String field) {
        try {
            return parse(text, field);
        } catch (HubException e) {
            throw HubException.invalid(field, e.errors().isEmpty() ? e.detail() : e.errors().get(0).message());
        }
    }

    private static int year(String y, String field) {
        int year = Integer.parseInt(y);
        if (year < 1900 || year > 2200) {
            throw HubException.badRequest(field, "the year must be between 1900 and 2200");
        }
        return year;
    }
}
