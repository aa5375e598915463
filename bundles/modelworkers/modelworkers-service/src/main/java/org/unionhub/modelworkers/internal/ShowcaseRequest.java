package org.unionhub.modelworkers.internal;

/**
 * Puts a record on the public showcase: {@code consent} must be true, as the model worker agreed to be shown,
 * and {@code citation} is the text written for publication.
 */
public record ShowcaseRequest(Boolean consent, String citation) {
}
