package org.example.stations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.example.stations.api.Card;
import org.example.stations.api.DayHours;
import org.example.stations.api.StationRequest;
import org.junit.jupiter.api.Test;
import org.unionhub.api.FieldError;
import org.unionhub.api.Validation;

/** Opening hours, the slot grid and the card rules, without a database. */
class RulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 2026-03-23 is a Monday
    private static final List<DayHours> WEEKDAYS = List.of(new DayHours(DayOfWeek.MONDAY, "08:00", "20:00"),
            new DayHours(DayOfWeek.TUESDAY, "08:00", "20:00"), new DayHours(DayOfWeek.FRIDAY, "18:00", "02:00"));

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI);
    }

    @Test
    void openWithinTheDaysHoursAndShutOutsideThem() {
        assertTrue(Rules.isOpen(false, WEEKDAYS, at("2026-03-23T08:00")), "opening minute counts");
        assertTrue(Rules.isOpen(false, WEEKDAYS, at("2026-03-23T19:59")));
        assertFalse(Rules.isOpen(false, WEEKDAYS, at("2026-03-23T20:00")), "closing minute is shut");
        assertFalse(Rules.isOpen(false, WEEKDAYS, at("2026-03-23T07:59")));
        assertFalse(Rules.isOpen(false, WEEKDAYS, at("2026-03-25T10:00")), "Wednesday has no hours");
    }

    @Test
    void hoursPastMidnightCountForTheNextMorning() {
        assertTrue(Rules.isOpen(false, WEEKDAYS, at("2026-03-27T23:30")), "Friday evening");
        assertTrue(Rules.isOpen(false, WEEKDAYS, at("2026-03-28T01:59")), "Saturday small hours belong to Friday");
        assertFalse(Rules.isOpen(false, WEEKDAYS, at("2026-03-28T02:00")));
        assertFalse(Rules.isOpen(false, WEEKDAYS, at("2026-03-27T01:00")), "Thursday night has no hours");
    }

    @Test
    void aTwentyFourHourStationIsAlwaysOpen() {
        assertTrue(Rules.isOpen(true, List.of(), at("2026-03-25T03:17")));
    }

    @Test
    void theZoneDecidesTheLocalTime() {
        Instant mondayNoonShanghai = at("2026-03-23T12:00").toInstant();
        assertTrue(Rules.isOpen(false, WEEKDAYS, mondayNoonShanghai.atZone(SHANGHAI)));
        assertFalse(Rules.isOpen(false, WEEKDAYS, mondayNoonShanghai.atZone(ZoneId.of("America/New_York"))),
                "Sunday night in New York");
    }

    @Test
    void hoursRoundTripThroughTheirStoredForm() {
        assertEquals(WEEKDAYS, Rules.decodeHours(Rules.encodeHours(WEEKDAYS)));
        assertEquals(List.of(), Rules.decodeHours(null));
    }

    @Test
    void everyBadHourAndServiceIsNamed() {
        Validation v = new Validation();
        Rules.validateStation(new StationRequest(" ", "a", null, false, List.of(new DayHours(DayOfWeek.MONDAY, "8am", "20:00"),
                new DayHours(DayOfWeek.MONDAY, "09:00", "09:00"), new DayHours(null, "08:00", "25:00")),
                List.of("water", "spa", "water"), null), v);
        assertEquals(List.of("name", "services[1]", "services[2]", "hours[0].opens", "hours[1].day", "hours[1].closes",
                "hours[2].day", "hours[2].closes"), v.errors().stream().map(FieldError::field).collect(Collectors.toList()));
    }

    @Test
    void aStationOpenAllDayNeedsNoHoursAndOneWithoutThemNeedsSome() {
        Validation ok = new Validation();
        Rules.validateStation(new StationRequest("驿站", "路", 2L, true, null, List.of("rest"), "face-scan"), ok);
        assertTrue(ok.isValid());
        Validation missing = new Validation();
        Rules.validateStation(new StationRequest("驿站", "路", 2L, false, List.of(), List.of(), null), missing);
        assertEquals("hours", missing.errors().get(0).field());
        Validation both = new Validation();
        Rules.validateStation(new StationRequest("驿站", "路", 2L, true, WEEKDAYS, List.of(), null), both);
        assertEquals("hours", both.errors().get(0).field());
    }

    @Test
    void slotsLieOnAGridFromLocalMidnight() {
        assertTrue(Rules.onGrid(at("2026-03-23T10:00"), 60));
        assertTrue(Rules.onGrid(at("2026-03-23T10:30"), 30));
        assertFalse(Rules.onGrid(at("2026-03-23T10:30"), 60));
        assertFalse(Rules.onGrid(at("2026-03-23T10:00:01"), 60));
        Instant start = at("2026-03-23T10:00").toInstant();
        assertEquals(3, Rules.slots(start, start.plusSeconds(3 * 3600), 60).size());
        assertEquals(List.of(start), Rules.slots(start, start.plusSeconds(3600), 60));
    }

    @Test
    void slotsOverlapOnlyWhenTheyShareAMoment() {
        Instant t = at("2026-03-23T10:00").toInstant();
        assertTrue(Rules.overlaps(t, t.plusSeconds(7200), t.plusSeconds(3600), t.plusSeconds(10800)));
        assertFalse(Rules.overlaps(t, t.plusSeconds(3600), t.plusSeconds(3600), t.plusSeconds(7200)), "back to back is fine");
        assertTrue(Rules.overlaps(t, t.plusSeconds(3600), t, t.plusSeconds(3600)));
    }

    @Test
    void aBookingMustFitTheOpeningHours() {
        Instant evening = at("2026-03-23T19:00").toInstant();
        assertTrue(Rules.openThroughout(false, WEEKDAYS, evening, evening.plusSeconds(3600), 60, SHANGHAI));
        assertFalse(Rules.openThroughout(false, WEEKDAYS, evening, evening.plusSeconds(7200), 60, SHANGHAI), "runs past 20:00");
        assertTrue(Rules.openThroughout(true, List.of(), evening, evening.plusSeconds(7200), 60, SHANGHAI));
    }

    @Test
    void shutOrUnusedIsYellowAndASecondYellowInARowIsRed() {
        assertEquals(Card.NONE, Rules.card(Card.NONE, 0, 30, 1, 30).card(), "30 uses meet the minimum");
        assertEquals(Card.YELLOW, Rules.card(Card.NONE, 1, 100, 1, 30).card(), "reported shut once");
        assertEquals(Card.YELLOW, Rules.card(Card.NONE, 0, 29, 1, 30).card(), "too little use");
        assertEquals(2, Rules.card(Card.NONE, 2, 3, 1, 30).reasons().size(), "both reasons are given");
        assertEquals(Card.RED, Rules.card(Card.YELLOW, 0, 5, 1, 30).card());
        assertEquals(Card.NONE, Rules.card(Card.YELLOW, 0, 50, 1, 30).card(), "a clean period clears the yellow");
        assertEquals(Card.NONE, Rules.card(Card.NONE, 1, 50, 2, 30).card(), "one report is under a threshold of two");
    }
}
