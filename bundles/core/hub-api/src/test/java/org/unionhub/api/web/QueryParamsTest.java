package org.unionhub.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;

class QueryParamsTest {

    @Test
    void emptyIsAbsent() {
        assertNull(QueryParams.date("from", null));
        assertNull(QueryParams.date("from", " "));
        assertNull(QueryParams.enumValue("state", "", TimeUnit.class));
        assertNull(QueryParams.bool("openNow", ""));
        assertNull(QueryParams.id("orgId", null));
    }

    @Test
    void parsesTrimmedValues() {
        assertEquals(LocalDate.of(2027, 3, 1), QueryParams.date("from", " 2027-03-01 "));
        assertEquals(TimeUnit.DAYS, QueryParams.enumValue("unit", "days", TimeUnit.class));
        assertEquals(Boolean.TRUE, QueryParams.bool("openNow", "TRUE"));
        assertEquals(Boolean.FALSE, QueryParams.bool("openNow", "false"));
        assertEquals(42L, QueryParams.id("orgId", " 42"));
    }

    @Test
    void aBadValueIsA400NamingTheParameter() {
        refused("from", "must be a date like 2025-03-22", () -> QueryParams.date("from", "22.03.2025"));
        refused("from", "must be a date like 2027-03-01", () -> QueryParams.date("from", "2027-13-01", LocalDate.of(2027, 3, 1)));
        refused("unit", "must be one of [NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS]",
                () -> QueryParams.enumValue("unit", "weeks", TimeUnit.class));
        refused("openNow", "must be true or false", () -> QueryParams.bool("openNow", "yes"));
        refused("orgId", "must be a number", () -> QueryParams.id("orgId", "x1"));
    }

    private static void refused(String field, String message, Runnable parse) {
        HubException e = assertThrows(HubException.class, parse::run);
        assertEquals(400, e.status());
        assertEquals(field, e.errors().get(0).field());
        assertEquals(message, e.errors().get(0).message());
    }
}
