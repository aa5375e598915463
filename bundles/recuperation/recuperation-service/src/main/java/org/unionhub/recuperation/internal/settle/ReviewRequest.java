package org.unionhub.recuperation.internal.settle;

import org.unionhub.api.validation.MaxLength;

/** A higher level's decision on a settlement; a rejection needs a {@code note} saying what to correct. */
public record ReviewRequest(Boolean approve, @MaxLength(500) String note) {
}
