package org.unionhub.recuperation.internal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

@Example("SanatoriumRequest.example.json")
public record SanatoriumRequest(@Required @MaxLength(200) String name, @Required @MaxLength(100) String region, @Required Boolean unionOwned,
        @Required Integer bedsPerNight) {
}
