package org.example.stations.api;

/** A member's rating of a visit: {@code score} 1–5, an optional {@code comment}. */
public record RatingRequest(Integer score, String comment) {
}
