package org.unionhub.recuperation.internal;

import java.time.LocalDate;

import org.unionhub.recuperation.api.Category;
import org.unionhub.api.validation.Required;

public record QuotaRequest(@Required Category category, @Required Integer places, @Required LocalDate releaseOn) {
}
