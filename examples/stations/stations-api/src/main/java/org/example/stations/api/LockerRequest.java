package org.example.stations.api;

/** A new smart locker with {@code compartments} numbered 1..n (e.g. 18), empty until restocked. */
public record LockerRequest(String name, Integer compartments) {
}
