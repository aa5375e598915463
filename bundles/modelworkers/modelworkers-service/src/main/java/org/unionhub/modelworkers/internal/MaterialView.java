package org.unionhub.modelworkers.internal;

import java.time.OffsetDateTime;

/** One checklist item of a nomination and its attachment, if any. */
public record MaterialView(String item, boolean attached, String fileName, String contentType, Long size,
        OffsetDateTime uploadedAt) {
}
