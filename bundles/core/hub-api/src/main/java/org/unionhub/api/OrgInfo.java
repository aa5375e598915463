package org.unionhub.api;

/** What a module may know about an organisation. */
public record OrgInfo(long id, String name, OrgKind kind, Long parentId) {
}
