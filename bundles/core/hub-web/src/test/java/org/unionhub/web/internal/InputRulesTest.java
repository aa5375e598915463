package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;
import org.unionhub.api.validation.Decimal;
import org.unionhub.api.validation.MaxLength;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The JSON reader's limits, on the bodies that produced 500s or wrong 2xx answers (issue 15, issue 14 row 2). */
class InputRulesTest {

    enum Kind { OUTPATIENT, INPATIENT }

    record Account(String username, @MaxLength(128) String password, List<String> roles) {
    }

    record Plan(List<Kind> eligibleKinds, int maxClaims, Kind kind) {
    }

    record Cv(String name, BigDecimal expectedSalary) {
    }

    record Application(Cv cv, @Decimal(precision = 6, scale = 4) BigDecimal ratio) {
    }

    record Fair(Instant endsAt, LocalDate day, @MaxLength(200) String gift) {
    }

    private static <T> T read(Class<T> type, String json) throws IOException {
        @SuppressWarnings("unchecked")
        Class<Object> t = (Class<Object>) (Class<?>) type;
        return type.cast(new JsonProvider().readFrom(t, type, new java.lang.annotation.Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    private static String fields(String json, Class<?> type) {
        HubException e = assertThrows(HubException.class, () -> read(type, json));
        assertEquals(422, e.status());
        return e.errors().stream().map(f -> f.field()).collect(Collectors.joining(","));
    }

    @Test
    void nullElementsOfAListAreRefusedByIndex() {
        assertEquals("roles[1]", fields("{\"username\":\"a\",\"roles\":[\"member\",null]}", Account.class));
        assertEquals("eligibleKinds[0]", fields("{\"eligibleKinds\":[null],\"maxClaims\":1}", Plan.class));
    }

    @Test
    void moneyIsBoundedByItsColumnBeforeAnyArithmetic() throws IOException {
        assertEquals("cv.expectedSalary", fields("{\"cv\":{\"expectedSalary\":1e2000000}}", Application.class));
        assertEquals("cv.expectedSalary", fields("{\"cv\":{\"expectedSalary\":1e308}}", Application.class));
        assertEquals("cv.expectedSalary",
                fields("{\"cv\":{\"expectedSalary\":1234567890123456789012345678901234}}", Application.class));
        assertEquals("cv.expectedSalary", fields("{\"cv\":{\"expectedSalary\":1.005}}", Application.class));
        assertEquals("cv.expectedSalary", fields("{\"cv\":{\"expectedSalary\":1e-2000000}}", Application.class));
        assertEquals(new BigDecimal("999999999999.99"),
                read(Application.class, "{\"cv\":{\"expectedSalary\":999999999999.99}}").cv().expectedSalary());
        assertEquals("ratio", fields("{\"ratio\":123.5}", Application.class));
        assertEquals(new BigDecimal("0.8500"), read(Application.class, "{\"ratio\":0.8500}").ratio());
    }

    @Test
    void aNumberLongerThanAnyColumnIsRefusedWhileReading() {
        String digits = "1".repeat(JsonProvider.MAX_NUMBER_LENGTH + 1);
        assertThrows(IOException.class, () -> read(Cv.class, "{\"expectedSalary\":" + digits + "}"));
    }

    @Test
    void datesOutside1900To2200AreRefused() throws IOException {
        assertEquals("endsAt", fields("{\"endsAt\":\"+999999999-12-31T23:59:59Z\"}", Fair.class));
        assertEquals("endsAt", fields("{\"endsAt\":\"0000-01-01T00:00:00Z\"}", Fair.class));
        assertEquals("day", fields("{\"day\":\"1899-12-31\"}", Fair.class));
        assertEquals(2200, read(Fair.class, "{\"day\":\"2200-12-31\"}").day().getYear());
    }

    @Test
    void textIsBoundedByItsColumnAndFreeOfControlCharacters() throws IOException {
        assertEquals("gift", fields("{\"gift\":\"" + "x".repeat(201) + "\"}", Fair.class));
        assertEquals("password", fields("{\"password\":\"" + "x".repeat(1 << 20) + "\"}", Account.class));
        assertEquals("username", fields("{\"username\":\"" + "x".repeat(MaxLength.DEFAULT + 1) + "\"}", Account.class));
        assertEquals("username", fields("{\"username\":\"a\\u0000b\"}", Account.class));
        assertEquals("roles[0]", fields("{\"roles\":[\"a\\u0001\"]}", Account.class));
        assertEquals("line one\nline two\ttab", read(Fair.class, "{\"gift\":\"line one\\nline two\\ttab\"}").gift());
    }

    @Test
    void fractionsAreNotTruncatedIntoIntegersNorNumbersTakenAsEnums() {
        assertThrows(JsonMappingException.class, () -> read(Plan.class, "{\"maxClaims\":1.5}"));
        assertThrows(JsonMappingException.class, () -> read(Plan.class, "{\"kind\":1}"));
        assertThrows(JsonMappingException.class, () -> read(Plan.class, "{\"eligibleKinds\":[0]}"));
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        HubException e = assertThrows(HubException.class, () -> read(Fair.class,
                "{\"endsAt\":\"0001-01-01T00:00:00Z\",\"gift\":\"\\u0000\"}"));
        assertTrue(e.errors().size() == 2, e.errors().toString());
    }
}
