package org.unionhub.core.internal.directory;

import org.unionhub.api.OrgKind;
import org.unionhub.api.validation.MaxLength;

/** Create or replace an organisation. */
public record OrgRequest(@MaxLength(200) String name, OrgKind kind, Long parentId) {
}
