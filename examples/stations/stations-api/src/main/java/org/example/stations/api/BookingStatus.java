package org.example.stations.api;

/** BOOKED holds one unit of the compartment's supply; EXPIRED is a booking never collected in its slot. */
public enum BookingStatus {
    BOOKED, CANCELLED, COLLECTED, EXPIRED
}
