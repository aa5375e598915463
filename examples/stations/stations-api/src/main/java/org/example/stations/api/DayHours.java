package org.example.stations.api;

import java.time.DayOfWeek;

/**
 * Opening hours of one weekday, {@code "HH:mm"} in the hub's zone. A {@code closes} at or before {@code opens}
 * runs past midnight into the next day (e.g. 18:00–02:00).
 */
public record DayHours(DayOfWeek day, String opens, String closes) {
}
