package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;

/** What is known of a stored CV attachment, without its bytes. */
public record AttachmentInfo(String contentType, int size, String sha256, OffsetDateTime uploadedAt) {
}
