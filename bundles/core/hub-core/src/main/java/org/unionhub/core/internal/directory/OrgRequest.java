package org.unionhub.core.internal.directory;

import org.unionhub.api.OrgKind;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

/** Create or replace an organisation. */
@Example("OrgRequest.example.json")
public record OrgRequest(@Required @MaxLength(200) String name, @Required OrgKind kind, Long parentId) {
}
