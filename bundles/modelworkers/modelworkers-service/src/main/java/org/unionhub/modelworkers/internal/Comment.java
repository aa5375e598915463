package org.unionhub.modelworkers.internal;

import java.time.OffsetDateTime;

/** A reviewer's comment on one field of a returned nomination. */
public record Comment(String field, String message, String by, OffsetDateTime at) {
}
