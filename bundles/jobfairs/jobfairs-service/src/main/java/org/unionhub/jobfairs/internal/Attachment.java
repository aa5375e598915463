package org.unionhub.jobfairs.internal;

/** A stored CV attachment with its bytes. */
public record Attachment(long applicationId, String contentType, byte[] content) {
}
