package org.unionhub.recuperation.internal;

import org.unionhub.api.validation.MaxLength;

public record SanatoriumRequest(@MaxLength(200) String name, @MaxLength(100) String region, Boolean unionOwned,
        Integer bedsPerNight) {
}
