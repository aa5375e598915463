package org.example.stations.api;

/** ACTIVE serves; CLOSED left the network after a red card. */
public enum StationState {
    ACTIVE, CLOSED
}
