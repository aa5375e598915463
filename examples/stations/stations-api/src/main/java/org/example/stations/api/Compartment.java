package org.example.stations.api;

/**
 * One compartment of a locker: what it holds ({@code supply}), how many ({@code stock}), how many of those are
 * booked and not yet collected ({@code reserved}) and so how many are left to book ({@code available}).
 */
public record Compartment(long id, int number, String supply, int stock, int reserved, int available) {
}
