package org.example.stations.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.example.stations.api.Card;
import org.example.stations.api.DayHours;
import org.example.stations.api.Station;
import org.example.stations.api.StationRequest;
import org.unionhub.api.Validation;

/** The pure rules of rest stations: opening hours, the slot grid, the card a review gives. */
final class Rules {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private Rules() {
    }

    // ---- stations and opening hours

    static void validateStation(StationRequest r, Validation v) {
        v.required("name", r.name()).maxLength("name", r.name(), 200);
        v.required("address", r.address()).maxLength("address", r.address(), 300);
        v.maxLength("entry", r.entry(), 100);
        if (r.services() != null) {
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < r.services().size(); i++) {
                String s = r.services().get(i);
                String field = "services[" + i + "]";
                if (s == null || !Station.SERVICES.contains(s.trim())) {
                    v.error(field, "must be one of " + String.join(", ", Station.SERVICES));
                } else if (!seen.add(s.trim())) {
                    v.error(field, "is listed twice");
                }
            }
        }
        if (Boolean.TRUE.equals(r.open24h())) {
            v.check(r.hours() == null || r.hours().isEmpty(), "hours", "must be empty for a station open 24 hours");
        } else {
            v.required("hours", r.hours());
            validateHours(r.hours(), v);
        }
    }

    static void validateHours(List<DayHours> hours, Validation v) {
        if (hours == null) {
            return;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < hours.size(); i++) {
            DayHours h = hours.get(i);
            String at = "hours[" + i + "]";
            if (h == null) {
                v.error(at, "is required");
                continue;
            }
            if (h.day() == null) {
                v.error(at + ".day", "is required");
            } else if (!days.add(h.day())) {
                v.error(at + ".day", "is listed twice");
            }
            LocalTime opens = time(h.opens());
            LocalTime closes = time(h.closes());
            v.check(opens != null, at + ".opens", "must be a time like 08:00");
            v.check(closes != null, at + ".closes", "must be a time like 20:00");
            if (opens != null && closes != null) {
                v.check(!opens.equals(closes), at + ".closes", "must differ from opens (use open24h for a station that never shuts)");
            }
        }
    }

    /** {@code "HH:mm"} or null when it is not one. */
    static LocalTime time(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalTime.parse(s.trim(), HH_MM);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether a station with these hours is open at {@code at} (its local time); hours past midnight count for the next day. */
    static boolean isOpen(boolean open24h, List<DayHours> hours, ZonedDateTime at) {
        if (open24h) {
            return true;
        }
        LocalTime t = at.toLocalTime();
        DayOfWeek today = at.getDayOfWeek();
        DayOfWeek yesterday = today.minus(1);
        for (DayHours h : hours) {
            LocalTime opens = time(h.opens());
            LocalTime closes = time(h.closes());
            if (opens == null || closes == null || h.day() == null) {
                continue;
            }
            if (opens.isBefore(closes)) {
                if (h.day() == today && !t.isBefore(opens) && t.isBefore(closes)) {
                    return true;
                }
            } else {
                // overnight, e.g. 18:00–02:00
                if (h.day() == today && !t.isBefore(opens) || h.day() == yesterday && t.isBefore(closes)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String encodeHours(List<DayHours> hours) {
        if (hours == null || hours.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (DayHours h : hours) {
            parts.add(h.day() + " " + time(h.opens()).format(HH_MM) + "-" + time(h.closes()).format(HH_MM));
        }
        return String.join(";", parts);
    }

    static List<DayHours> decodeHours(String stored) {
        List<DayHours> out = new ArrayList<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        for (String part : stored.split(";")) {
            String[] dayAndTimes = part.trim().split(" ");
            String[] times = dayAndTimes[1].split("-");
            out.add(new DayHours(DayOfWeek.valueOf(dayAndTimes[0]), times[0], times[1]));
        }
        return out;
    }

    // ---- the slot grid

    /** Whether {@code at} starts a slot: a whole multiple of {@code slotMinutes} after local midnight, no seconds. */
    static boolean onGrid(ZonedDateTime at, int slotMinutes) {
        return at.getSecond() == 0 && at.getNano() == 0 && (at.getHour() * 60 + at.getMinute()) % slotMinutes == 0;
    }

    /** The slot starts from {@code start} (inclusive) to {@code end} (exclusive). */
    static List<Instant> slots(Instant start, Instant end, int slotMinutes) {
        List<Instant> out = new ArrayList<>();
        for (Instant s = start; s.isBefore(end); s = s.plus(Duration.ofMinutes(slotMinutes))) {
            out.add(s);
        }
        return out;
    }

    /** Half-open intervals [aStart, aEnd) and [bStart, bEnd) share a moment. */
    static boolean overlaps(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    /** Whether the station is open for the whole booking: at every slot start and just before its end. */
    static boolean openThroughout(boolean open24h, List<DayHours> hours, Instant start, Instant end, int slotMinutes, ZoneId zone) {
        for (Instant s : slots(start, end, slotMinutes)) {
            if (!isOpen(open24h, hours, s.atZone(zone))) {
                return false;
            }
        }
        return isOpen(open24h, hours, end.minusSeconds(1).atZone(zone));
    }

    // ---- the red/yellow-card review

    /** A card and the reasons for it. */
    record Verdict(Card card, List<String> reasons) {
    }

    /**
     * A station that was reported shut during its opening hours at least {@code reportsForYellow} times, or used
     * (visits + bookings) fewer than {@code minUse} times in the period, gets a yellow card; a yellow right after a
     * yellow is red. A clean period clears the count.
     */
    static Verdict card(Card previous, long closureReports, long use, int reportsForYellow, int minUse) {
        List<String> reasons = new ArrayList<>();
        if (closureReports >= reportsForYellow) {
            reasons.add("reported shut " + closureReports + " time(s) during opening hours");
        }
        if (use < minUse) {
            reasons.add("used " + use + " time(s), fewer than " + minUse);
        }
        if (reasons.isEmpty()) {
            return new Verdict(Card.NONE, reasons);
        }
        if (previous == Card.YELLOW) {
            reasons.add("second yellow card in a row");
            return new Verdict(Card.RED, reasons);
        }
        return new Verdict(Card.YELLOW, reasons);
    }
}
