package org.example.stations.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.unionhub.api.HubException;

/** Query parameters parsed here, so that a bad one is a 400 naming it rather than JAX-RS's bare 404. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw HubException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw HubException.badRequest(name, "must be a date like 2026-03-23");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw HubException.badRequest(name, "must be true or false");
        };
    }

    static Long id(String name, String value) {
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
