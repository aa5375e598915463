package org.unionhub.core.internal.directory;

import org.unionhub.api.OrgKind;

/** Create or replace an organisation. */
public record OrgRequest(String name, OrgKind kind, Long parentId) {
}
