package org.unionhub.core.internal.personal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** A member asks: {@code kind} CORRECTION (say what is wrong in {@code detail}) or DELETION. */
public record DataRequestBody(@Required @MaxLength(16) String kind, @MaxLength(2000) String detail) {
}
