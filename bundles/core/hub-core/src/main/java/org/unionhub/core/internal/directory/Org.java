package org.unionhub.core.internal.directory;

import java.time.Instant;

import org.unionhub.api.OrgKind;

/** An organisation as the API shows it. */
public record Org(long id, String name, OrgKind kind, Long parentId, Instant createdAt, Instant updatedAt) {
}
