package org.unionhub.recuperation.internal;

import java.time.OffsetDateTime;

/** A sanatorium (疗养院): union-owned or a partner, with so many beds per night. */
public record Sanatorium(long id, String name, String region, boolean unionOwned, int bedsPerNight, OffsetDateTime createdAt) {
}
