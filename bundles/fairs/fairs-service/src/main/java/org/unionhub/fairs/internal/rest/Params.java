package org.unionhub.fairs.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.unionhub.api.HubException;

/** Query parameters parsed here, so that a bad one is a 400 naming it rather than JAX-RS's bare 404. */
final class Params {

    private Params() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw HubException.badRequest(name, "must be a date like 2025-03-22");
        }
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
}
