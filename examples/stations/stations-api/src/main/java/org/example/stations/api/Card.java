package org.example.stations.api;

/** The outcome of a review for one station: NONE passed, YELLOW warns, a second YELLOW in a row is RED (exit). */
public enum Card {
    NONE, YELLOW, RED
}
