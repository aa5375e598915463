package org.unionhub.recuperation.internal;

public record SanatoriumRequest(String name, String region, Boolean unionOwned, Integer bedsPerNight) {
}
