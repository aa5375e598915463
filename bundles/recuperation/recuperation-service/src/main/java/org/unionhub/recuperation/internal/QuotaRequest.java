package org.unionhub.recuperation.internal;

import java.time.LocalDate;

import org.unionhub.recuperation.api.Category;

public record QuotaRequest(Category category, Integer places, LocalDate releaseOn) {
}
