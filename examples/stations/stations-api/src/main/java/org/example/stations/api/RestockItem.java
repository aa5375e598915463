package org.example.stations.api;

/** Compartment {@code number} now holds {@code quantity} of {@code supply}. */
public record RestockItem(Integer number, String supply, Integer quantity) {
}
