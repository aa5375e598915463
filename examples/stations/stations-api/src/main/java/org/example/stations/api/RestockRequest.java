package org.example.stations.api;

import java.util.List;

/** The weekly restock of a locker: one item per compartment refilled. */
public record RestockRequest(List<RestockItem> items) {
}
