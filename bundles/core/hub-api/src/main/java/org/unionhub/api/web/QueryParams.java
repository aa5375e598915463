package org.unionhub.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.unionhub.api.HubException;

/**
 * Query parameters a resource takes as text and parses itself, so that a bad one is a 400 naming it and saying what
 * it must be, and an empty one ({@code ?from=}) is absent. For typed parameters ({@code @QueryParam("from")
 * LocalDate from}) the hub's parameter converters answer the same way; take text and this class when an empty value
 * must mean "no filter".
 */
public final class QueryParams {

    /** The example the date rule names, unless a module names its own. */
    public static final LocalDate EXAMPLE_DATE = LocalDate.of(2025, 3, 22);

    private QueryParams() {
    }

    /** {@code value} as an ISO date ({@code 2025-03-22}); null when absent or blank. */
    public static LocalDate date(String name, String value) {
        return date(name, value, EXAMPLE_DATE);
    }

    /** As {@link #date(String, String)}, the rule naming {@code example} (a date of the module's own calendar). */
    public static LocalDate date(String name, String value, LocalDate example) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw HubException.badRequest(name, "must be a date like " + example);
        }
    }

    /** The constant {@code value} names, in any case ({@code pending} is PENDING); null when absent or blank. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HubException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** {@code true} or {@code false} in any case; null when absent or blank. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw HubException.badRequest(name, "must be true or false");
        };
    }

    /** An ISO-8601 date-time with its offset ({@code 2025-03-22T09:00:00+08:00}); null when absent or blank. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw HubException.badRequest(name, "must be an ISO-8601 date-time with offset, e.g. 2025-03-22T09:00:00+08:00");
        }
    }

    /** A whole number (an id); null when absent or blank. */
    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw HubException.badRequest(name, "must be a number");
        }
    }
}
