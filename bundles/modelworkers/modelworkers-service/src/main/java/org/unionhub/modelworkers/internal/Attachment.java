package org.unionhub.modelworkers.internal;

/** A stored attachment, for download. */
public record Attachment(String fileName, String contentType, byte[] content) {
}
