package org.unionhub.modelworkers.internal;

import java.util.List;

import org.unionhub.api.FieldError;
import org.unionhub.api.validation.Required;

/** A return for correction: one comment per field to fix ({@code field} as in the nomination, or {@code materials.<item>}). */
public record ReturnRequest(@Required List<FieldError> comments) {
}
