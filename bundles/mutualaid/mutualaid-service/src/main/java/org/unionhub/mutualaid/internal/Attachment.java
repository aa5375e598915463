package org.unionhub.mutualaid.internal;

import java.time.OffsetDateTime;

/** A document of a claim (the content is fetched separately). */
public record Attachment(long id, long claimId, AttachmentKind kind, String contentType, String fileName, long size,
        String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
}
