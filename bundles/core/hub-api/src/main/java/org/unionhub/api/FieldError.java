package org.unionhub.api;

/** One invalid field of a request: its JSON name (dotted and indexed for nested values) and why. */
public record FieldError(String field, String message) {
}
